package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --onnx} on the PyTorch-written CIFAR ResNet: SNL reduces it to the budget exactly,
 * as {@code eval}'s accounting counts the result, and the result exports again and passes ONNX
 * Runtime's check.
 */
class OptimizeOnnxTest {
  @TempDir
  Path dir;

  @Test
  @Tag("slow")
  void snlMeetsTheBudgetAndTheResultExportsAgain() throws Exception {
    Path data = dir.resolve("synth");
    CliRun d = CliRun.of("dataset", "synth", "--train", "128", "--test", "64", "--out", data.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
    Path out = dir.resolve("reduced");
    long budget = 20_480; // 20 channels of 32x32, or other mixes of 1024, 256 and 64 per channel
    CliRun r = CliRun.of("optimize", "--onnx", Fixtures.model("cifar-basic").toString(), "--dataset", "synthetic",
        "--data", data.toString(), "--method", "snl", "--relus", String.valueOf(budget), "--epochs", "1",
        "--snl-epochs", "2", "--batch-size", "32", "--out", out.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cifar-basic-snl-" + budget).contains("exactly");

    CliRun eval = CliRun.of("eval", "--run", out.toString(), "--json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(eval.out());
    assertThat(e.get("relus").asLong()).isEqualTo(budget);
    assertThat(e.get("samples").asLong()).isEqualTo(64);

    Path onnx = dir.resolve("reduced.onnx");
    CliRun x = CliRun.of("export", "--run", out.toString(), "--out", onnx.toString(), "--check");
    assertThat(x.exitCode()).as(x.out() + x.err()).isZero();
    assertThat(x.out()).contains("trained weights").contains("passed");

    CliRun again = CliRun.of("optimize", "--onnx", Fixtures.model("cifar-basic").toString(), "--dataset", "synthetic",
        "--data", data.toString(), "--method", "snl", "--relus", String.valueOf(budget), "--epochs", "1",
        "--snl-epochs", "2", "--batch-size", "32", "--out", out.toString(), "--quiet");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("reduced network found");
  }
}
