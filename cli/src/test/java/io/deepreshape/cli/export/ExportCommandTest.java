package io.deepreshape.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} from a preset and from a trained run, checked by ONNX Runtime; the error rule for its options. */
class ExportCommandTest {
  @TempDir
  Path dir;

  @Test
  void exportsAPresetAndPassesTheRuntimeCheck() {
    Path out = dir.resolve("net.onnx");
    CliRun r = CliRun.of("export", "--preset", "hybrenet:4,2,3,2", "--dataset", "fashion-mnist", "--out",
        out.toString(), "--check");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out).isNotEmptyFile();
    assertThat(r.out()).contains("random weights", "input [N,1,28,28]", "output logits [N,10]", "passed");
  }

  @Test
  void exportsARunsTrainedWeightsAndPassesTheRuntimeCheck() {
    Path data = dir.resolve("synth");
    CliRun d = CliRun.of("dataset", "synth", "--train", "64", "--test", "16", "--out", data.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
    Path run = dir.resolve("run");
    CliRun t = CliRun.of("train", "--preset", "hybrenet:4,2,2,2", "--dataset", "synthetic", "--data", data.toString(),
        "--epochs", "1", "--batch-size", "16", "--out", run.toString(), "--quiet");
    assertThat(t.exitCode()).as(t.err()).isZero();
    Path out = dir.resolve("run.onnx");
    CliRun r = CliRun.of("export", "--run", run.toString(), "--out", out.toString(), "--check");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("trained weights", "passed");
  }

  @Test
  void refusesToReplaceAnExistingFileWithoutForce() throws Exception {
    Path out = dir.resolve("kept.onnx");
    Files.writeString(out, "mine");
    CliRun r = CliRun.of("export", "--preset", "hybrenet:4,2,3,2", "--dataset", "fashion-mnist", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("--out", "already exists", "--force");
    assertThat(Files.readString(out)).isEqualTo("mine");

    CliRun forced = CliRun.of("export", "--preset", "hybrenet:4,2,3,2", "--dataset", "fashion-mnist", "--out",
        out.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.size(out)).isGreaterThan(1000);
  }

  @Test
  void refusesARunTogetherWithAPresetAndAFolderThatIsNoRun() {
    CliRun both = CliRun.of("export", "--run", dir.toString(), "--preset", "resnet18", "--out",
        dir.resolve("a.onnx").toString());
    assertThat(both.exitCode()).isEqualTo(2);
    // picocli refuses the pair in one line, followed by its usual pointer to --help
    assertThat(both.err().lines().toList()).containsExactly(
        "error: --preset=NAME, --run=RUN_DIR are mutually exclusive (specify only one)",
        "Run 'deepreshape export --help' for usage.");

    CliRun noRun = CliRun.of("export", "--run", dir.toString(), "--out", dir.resolve("b.onnx").toString());
    assertThat(noRun.exitCode()).isEqualTo(2);
    assertThat(noRun.err().strip()).doesNotContain("\n").contains(dir.toString());
    assertThat(dir.resolve("b.onnx")).doesNotExist();
  }

  @Test
  void refusesNoNetwork() {
    CliRun r = CliRun.of("export", "--out", dir.resolve("c.onnx").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--preset");
  }
}
