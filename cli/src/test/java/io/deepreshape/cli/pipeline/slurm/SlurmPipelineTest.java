package io.deepreshape.cli.pipeline.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --executor slurm} against a real Slurm controller and node (tools/slurm-single-node.sh):
 * the job graph Slurm holds, the results against the local executor's, a killed array task resubmitted on its
 * own and resumed, a task preempted near its time limit requeued and resumed, a failing job's error in
 * {@code --status}, and {@code --cancel}. Skipped where no controller answers.
 */
@Tag("slurm")
class SlurmPipelineTest {
  /** A bound on one wait (a training, a requeue); generous because a loaded CI machine runs them several times slower. */
  private static final long WAIT_S = 480;
  private static final Pattern AFTEROK = Pattern.compile("afterok:(\\d+)");
  private static final String TINY = """
      name: tiny
      dataset: synthetic
      synthetic: {train: 320, test: 64}
      baseline: basech:8
      budgets: [30000]
      methods: [deepreduce, reuse]
      inputs: [baseline]
      hybrenet: {widths: [4], f_max: 8, top_k: 1}
      train: {epochs: 4, batch_size: 32, lr: 0.05}
      finetune: {epochs: 3, lr: 0.02}
      latency: estimated
      """;

  @TempDir
  Path dir;

  private final SlurmCommands slurm = new SlurmCommands();

  @BeforeAll
  static void slurmAnswers() {
    assumeTrue(SlurmCommands.reachable(), "no Slurm controller answers sinfo (start one with tools/slurm-single-node.sh)");
  }

  @Test
  void slurmRunEqualsLocalRunAndResubmitsOnlyTheKilledTaskWhichResumes() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, TINY);
    Path local = dir.resolve("local");
    CliRun l = CliRun.of("run", file.toString(), "--out", local.toString(), "--quiet");
    assertThat(l.exitCode()).as(l.err()).isZero();

    Path out = dir.resolve("slurm");
    submit(file, out);
    List<Ledger.Submission> jobs = Ledger.read(out).submissions();
    assertThat(jobs).extracting(Ledger.Submission::group).containsExactly("teacher", "candidates", "inputs", "methods",
        "report");
    String teacher = jobs.get(0).job();
    String candidates = jobs.get(1).job();
    String inputs = jobs.get(2).job();
    String methods = jobs.get(3).job();
    assertThat(jobs.get(3).tasks()).isEqualTo(new TreeMap<>(Map.of(0, "deepreduce-baseline-30000-s42",
        1, "reuse-baseline-30000-s42")));
    String methodsJob = show(methods);
    assertThat(methodsJob).contains("ArrayTaskThrottle=1").contains("JobName=drs-tiny-methods");
    assertThat(dependencies(methodsJob)).containsExactlyInAnyOrder(teacher, candidates, inputs);
    assertThat(dependencies(show(candidates))).containsExactly(teacher);
    assertThat(dependencies(show(inputs))).containsExactlyInAnyOrder(teacher, candidates);
    assertThat(dependencies(show(jobs.get(4).job()))).containsExactlyInAnyOrder(teacher, candidates, inputs, methods);

    // kill the running deepreduce task once it has checkpointed an epoch
    awaitFile(out.resolve("runs/s42/deepreduce-baseline-30000").resolve(RunDirectory.CHECKPOINT));
    slurm.cancel(List.of(methods + "_0"));
    await(() -> !slurm.queue().containsKey(methods + "_0"), "the cancelled task to leave the queue");
    String status = status(file, out);
    assertThat(status).containsPattern("deepreduce-baseline-30000-s42 +failed +job " + methods
        + "_0 \\(CANCELLED\\)");

    // the reuse task, told its time limit is near, checkpoints and requeues itself
    Path reuseRun = out.resolve("runs/s42/reuse-baseline-30000");
    awaitFile(reuseRun.resolve(RunDirectory.CHECKPOINT));
    exec("scancel", "--batch", "--signal=USR1", methods + "_1");
    await(() -> "PENDING".equals(state(methods + "_1")), "the preempted task to be requeued");
    Path reuseFinal = reuseRun.resolve(RunDirectory.FINAL_PARAMS);
    // Slurm delays a requeued job. Moving its start to "now" within the second of the kill gets the new launch
    // refused ("Job credential revoked", the task then fails), so the first update waits a few seconds.
    lastStartNow = System.nanoTime();
    await(() -> {
      startNowIfPending(methods + "_1");
      return Files.isRegularFile(reuseFinal);
    }, () -> "final.params in reuse-baseline-30000; job " + show(methods + "_1") + "; its log:\n"
        + readIfPresent(SbatchScript.logFile(out, "methods", methods, 1)));
    String reuseLog = Files.readString(SbatchScript.logFile(out, "methods", methods, 1));
    assertThat(reuseLog).contains("requeueing job").contains("(restart 1)").contains("resuming fine-tuning");

    String report = jobs.get(4).job();
    await(() -> !slurm.queue().containsKey(report), "the report, whose dependency failed, to be cancelled");
    String rerun = submit(file, out);
    assertThat(Ledger.read(out).submissions()).as(rerun + status(file, out) + Files.readString(
        SbatchScript.logFile(out, "methods", methods, 0))).hasSize(jobs.size() + 2);
    List<Ledger.Submission> again = Ledger.read(out).submissions().subList(jobs.size(), jobs.size() + 2);
    assertThat(again).extracting(Ledger.Submission::group).containsExactly("methods", "report");
    assertThat(again.get(0).tasks()).isEqualTo(new TreeMap<>(Map.of(0, "deepreduce-baseline-30000-s42")));
    awaitFile(out.resolve("report/report.html"));
    assertThat(SbatchScript.logFile(out, "methods", again.get(0).job(), 0)).content().contains("resuming fine-tuning");

    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(out.resolve("results.json").toFile())).isEqualTo(json.readTree(local.resolve("results.json")
        .toFile()));
    assertThat(status(file, out).lines().toList()).hasSize(6).allMatch(line -> line.matches("\\S+ +done +job .*"));
  }

  @Test
  void failingJobsErrorReachesStatusAndCancelStopsQueuedJobs() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Path missing = dir.resolve("no-such-folder");
    Files.writeString(file, "name: bad\ndataset: fashion-mnist\ndata: " + missing + "\nbaseline: basech:8\n"
        + "budgets: [30000]\nmethods: [deepreduce]\ninputs: [baseline]\nhybrenet: {top_k: 1}\n");
    Path out = dir.resolve("bad");
    submit(file, out, "--sbatch-arg=--begin=now+3600");
    List<String> ids = Ledger.read(out).submissions().stream().map(Ledger.Submission::job).toList();
    assertThat(ids).hasSize(5).allMatch(id -> "PENDING".equals(state(id)));
    CliRun cancel = CliRun.of("run", file.toString(), "--out", out.toString(), "--cancel");
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.err()).contains("cancelled " + String.join(" ", ids));
    await(() -> {
      Map<String, Slurm.Queued> queue = slurm.queue();
      return ids.stream().noneMatch(queue::containsKey);
    }, "the cancelled jobs to leave the queue");
    assertThat(status(file, out).lines().filter(line -> line.contains("failed") && line.contains("(CANCELLED)")))
        .hasSize(5);

    submit(file, out);
    String teacher = Ledger.read(out).submissions().get(5).job();
    await(() -> !slurm.queue().containsKey(teacher), "the failing teacher job to end");
    String status = status(file, out);
    assertThat(status).containsPattern("teacher-s42 +failed +job " + teacher + " \\(FAILED\\)")
        .contains("    | error: missing folder " + missing);
  }

  private String submit(Path file, Path out, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--executor", "slurm",
        "--array-parallelism", "1", "--cpus-per-job", "1", "--launcher", launcher().toString(), "--quiet"));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.err();
  }

  private String status(Path file, Path out) {
    CliRun r = CliRun.of("run", file.toString(), "--out", out.toString(), "--status");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out();
  }

  /** The jobs train on as many PyTorch threads as the local run in this JVM, or their results differ. */
  private static String djlThreadSettings() {
    StringBuilder out = new StringBuilder();
    for (String key : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
      String value = System.getProperty(key);
      if (value != null) {
        out.append(" -D").append(key).append('=').append(value);
      }
    }
    return out.toString();
  }

  /** Runs the command line from this test's classes, as bin/deepreshape runs it from the jar. */
  private Path launcher() throws IOException {
    Path f = dir.resolve("deepreshape");
    if (!Files.exists(f)) {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Files.writeString(f, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
          + "' -Xmx1g -Dai.djl.offline=true" + djlThreadSettings() + " -cp '" + cp
          + "' io.deepreshape.cli.Main \"$@\"\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return f;
  }

  private String show(String id) throws IOException {
    return exec("scontrol", "-o", "show", "job", id).lines().findFirst().orElse("");
  }

  private String state(String id) {
    try {
      Matcher m = Pattern.compile("\\bJobState=(\\S+)").matcher(show(id));
      return m.find() ? m.group(1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private long lastStartNow;

  private void startNowIfPending(String id) throws IOException {
    if (System.nanoTime() - lastStartNow > TimeUnit.SECONDS.toNanos(5) && "PENDING".equals(state(id))) {
      lastStartNow = System.nanoTime();
      Process p = new ProcessBuilder("scontrol", "update", "jobid=" + id, "StartTime=now").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  private static Set<String> dependencies(String job) {
    Matcher m = AFTEROK.matcher(job.replaceAll(".*\\bDependency=(\\S+).*", "$1"));
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return Set.copyOf(ids);
  }

  private static String exec(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    return out;
  }

  private static void awaitFile(Path f) throws Exception {
    await(() -> Files.isRegularFile(f), f.getFileName() + " in " + f.getParent().getFileName());
  }

  private static void await(Callable<Boolean> condition, String what) throws Exception {
    await(condition, () -> what);
  }

  /** Waits for the condition; on timeout the failure says what was awaited, described when the wait ends. */
  private static void await(Callable<Boolean> condition, Callable<String> what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WAIT_S + " s for " + what.call());
      }
      Thread.sleep(200);
    }
  }

  private static String readIfPresent(Path f) throws IOException {
    return Files.isRegularFile(f) ? Files.readString(f) : "(no file " + f.getFileName() + ")";
  }
}
