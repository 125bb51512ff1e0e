package io.deepreshape.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user may do to a run directory on purpose: rerun the same command (resumes), --restart (keeps the
 * old files aside), --force (replaces), evaluate an old run without a spec hash; and dataset synth --force.
 */
class RunDirectoryGuardTest {
  private static final String TINY = "name: tiny\ndataset: synthetic\nbase_width: 4\nphi: [1]\nfactors: []\n";

  @TempDir
  static Path dir;

  @BeforeAll
  static void data() throws Exception {
    Files.writeString(dir.resolve("tiny.yaml"), TINY);
    ok(CliRun.of("dataset", "synth", "--train", "64", "--test", "32", "--out", dir.resolve("synth").toString()));
  }

  private static CliRun train(Path run, String... extra) {
    String[] base = {"train", "--spec", dir.resolve("tiny.yaml").toString(), "--dataset", "synthetic", "--data",
        dir.resolve("synth").toString(), "--epochs", "1", "--batch-size", "32", "--max-steps-per-epoch", "1",
        "--quiet", "--out", run.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return CliRun.of(all);
  }

  private static void ok(CliRun r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void theSameCommandAgainResumesAFinishedRunWithoutRetraining() throws Exception {
    Path run = dir.resolve("again");
    ok(train(run));
    byte[] params = Files.readAllBytes(run.resolve("final.params"));
    ok(train(run));
    assertThat(Files.readAllBytes(run.resolve("final.params"))).isEqualTo(params);
  }

  @Test
  void restartKeepsACorruptCheckpointAsideAndTrainsAgain() throws Exception {
    Path run = dir.resolve("corrupt");
    ok(train(run));
    Files.write(run.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
    assertThat(train(run).exitCode()).isEqualTo(2);
    ok(train(run, "--restart"));
    assertThat(Files.readAllBytes(run.resolve("previous-1/checkpoint.bin"))).containsExactly(1, 2, 3);
    assertThat(run.resolve("previous-1/final.params")).exists();
    assertThat(run.resolve("final.params")).exists();
    assertThat(Files.size(run.resolve("checkpoint.bin"))).isGreaterThan(3);
  }

  @Test
  void restartAppliesChangedSettings() throws Exception {
    Path run = dir.resolve("settings");
    ok(train(run));
    CliRun refused = train(run, "--lr", "0.05");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("lr: 0.1 -> 0.05");
    ok(train(run, "--lr", "0.05", "--restart"));
    assertThat(Files.readString(run.resolve("config.json"))).contains("\"lr\" : 0.05");
  }

  @Test
  void forceReplacesFilesThatAreNoResumableRun() throws Exception {
    Path run = dir.resolve("occupied");
    Files.createDirectories(run);
    Files.writeString(run.resolve("final.params"), "not parameters\n");
    assertThat(train(run).exitCode()).isEqualTo(2);
    assertThat(Files.readString(run.resolve("final.params"))).isEqualTo("not parameters\n");
    ok(train(run, "--force"));
    assertThat(Files.size(run.resolve("final.params"))).isGreaterThan(100);
  }

  @Test
  void anOldRunWithoutASpecHashIsStillEvaluated() throws Exception {
    Path run = dir.resolve("old");
    ok(train(run));
    Files.delete(run.resolve("spec.sha256"));
    ok(CliRun.of("eval", "--run", run.toString(), "--json"));
  }

  @Test
  void synthReplacesADatasetOnlyWithForce() throws Exception {
    Path out = dir.resolve("synth-again");
    ok(CliRun.of("dataset", "synth", "--train", "16", "--test", "16", "--out", out.toString()));
    byte[] first = Files.readAllBytes(out.resolve("test_batch.bin"));
    CliRun refused = CliRun.of("dataset", "synth", "--train", "16", "--test", "8", "--out", out.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(Files.readAllBytes(out.resolve("test_batch.bin"))).isEqualTo(first);
    ok(CliRun.of("dataset", "synth", "--train", "16", "--test", "8", "--out", out.toString(), "--force"));
    assertThat(Files.size(out.resolve("test_batch.bin"))).isEqualTo(first.length / 2);
  }
}
