package io.deepreshape.cli.pipeline.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch script: its sbatch options, the unit each array task runs, and what it does on USR1 and TERM (run in bash). */
class SbatchScriptTest {
  @TempDir
  Path dir;

  private static final PlannedJob ARRAY = new PlannedJob("criticality", 0, true,
      new TreeMap<>(Map.of(1, "criticality-S1", 3, "criticality-S3", 4, "criticality-S4")), List.of(), List.of());

  private SbatchScript.Context context(String launcher, List<String> extra) {
    return new SbatchScript.Context("fm", dir.resolve("fm.yaml"), dir.resolve("out"),
        new SlurmSettings("gpu", 1, 8, "32G", "4:00:00", 3, 600, extra, launcher));
  }

  @Test
  void scriptAsksForTheResourcesThrottleSignalRequeueAndDependency() {
    String s = SbatchScript.render(ARRAY, "afterok:12:13_4", context("/opt/drs/bin/deepreshape",
        List.of("--account=lab", "--qos=long")));
    List<String> opts = s.lines().filter(l -> l.startsWith("#SBATCH ")).map(l -> l.substring(8)).toList();
    assertThat(opts).containsExactly("--job-name=drs-fm-criticality",
        "--output=" + dir.resolve("out/slurm/logs/criticality-%A_%a.log"), "--open-mode=append", "--array=1,3-4%3",
        "--partition=gpu", "--gres=gpu:1", "--cpus-per-task=8", "--mem=32G", "--time=4:00:00",
        "--signal=B:USR1@600", "--requeue", "--dependency=afterok:12:13_4", "--kill-on-invalid-dep=yes",
        "--account=lab", "--qos=long");
    assertThat(s).contains("'/opt/drs/bin/deepreshape' run '" + dir.resolve("fm.yaml") + "' --out '"
        + dir.resolve("out") + "' --unit \"$unit\" --quiet &");
  }

  @Test
  void eachArrayTaskRunsItsUnitAndExitsWithItsStatus() throws Exception {
    Path launcher = fakeLauncher("echo \"args: $*\"; exit 3");
    Path script = write(SbatchScript.render(ARRAY, null, context(launcher.toString(), List.of())));
    Process p = start(script, "3");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(3);
    assertThat(new String(p.getInputStream().readAllBytes())).contains("args: run " + dir.resolve("fm.yaml") + " --out "
        + dir.resolve("out") + " --unit criticality-S3 --quiet");
  }

  @Test
  void usr1BeforeTheTimeLimitStopsTheRunAndRequeuesTheJobButTermDoesNotRequeue() throws Exception {
    Path launcher = fakeLauncher("trap 'echo checkpointed; exit 143' TERM; echo started; while true; do sleep 0.1; done");
    Path script = write(SbatchScript.render(ARRAY, null, context(launcher.toString(), List.of())));
    for (String signal : List.of("USR1", "TERM")) {
      Files.deleteIfExists(dir.resolve("scontrol.log"));
      Process p = start(script, "1");
      waitForLine(p, "started");
      new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(out).as(signal).contains("checkpointed");
      assertThat(p.exitValue()).isEqualTo(143);
      if (signal.equals("USR1")) {
        assertThat(dir.resolve("scontrol.log")).content().isEqualTo("requeue 70_1\n");
      } else {
        assertThat(dir.resolve("scontrol.log")).doesNotExist();
      }
    }
  }

  @Test
  void settingsRejectWhatSbatchCannotTakeNamingTheOption() {
    assertThatThrownBy(() -> new SlurmSettings(null, 0, 0, "lots", null, 0, 60, List.of(), "x"))
        .hasMessage("--mem must be a size such as 16G or 4000M, was lots");
    assertThatThrownBy(() -> new SlurmSettings(null, 0, 0, null, null, 0, 60, List.of("--comment=a b"), "x"))
        .hasMessageStartingWith("--sbatch-arg must be one sbatch option without spaces");
    assertThatThrownBy(() -> new SlurmSettings(null, -1, 0, null, null, 0, 60, List.of(), "x"))
        .hasMessage("--gpus-per-job must be an integer >= 0, was -1");
  }

  private Path fakeLauncher(String body) throws Exception {
    Path bin = dir.resolve("bin");
    Files.createDirectories(bin);
    Path scontrol = bin.resolve("scontrol");
    Files.writeString(scontrol, "#!/bin/bash\necho \"$*\" >> '" + dir.resolve("scontrol.log") + "'\n");
    Path launcher = bin.resolve("launcher");
    Files.writeString(launcher, "#!/bin/bash\n" + body + "\n");
    for (Path f : List.of(scontrol, launcher)) {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return launcher;
  }

  private Path write(String text) throws Exception {
    Path script = dir.resolve("job.sh");
    Files.writeString(script, text);
    return script;
  }

  private Process start(Path script, String task) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("SLURM_ARRAY_TASK_ID", task);
    pb.environment().put("SLURM_JOB_ID", "77");
    pb.environment().put("SLURM_ARRAY_JOB_ID", "70");
    pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    return pb.start();
  }

  private void waitForLine(Process p, String line) throws Exception {
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!seen.toString().contains(line) && System.nanoTime() < deadline) {
      int c = p.getInputStream().read();
      if (c < 0) {
        break;
      }
      seen.append((char) c);
    }
    assertThat(seen.toString()).contains(line);
  }
}
