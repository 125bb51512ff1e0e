package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.cli.pi.RunModel;
import io.deepreshape.onnx.OnnxRuntimeRunner;
import io.deepreshape.spec.InputShape;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --onnx} and {@code train --onnx} on the PyTorch-written CIFAR ResNet and the synthetic set. */
class TrainEvalOnnxTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path data() {
    Path data = dir.resolve("synth");
    CliRun d = CliRun.of("dataset", "synth", "--train", "96", "--test", "64", "--out", data.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
    return data;
  }

  /** Top-1 of the file on the test split as ONNX Runtime computes it, on the images eval normalises alike. */
  private static double onnxRuntimeTop1(Path model, Path data) {
    InputShape in = new InputShape(3, 32, 32, 10);
    RunData opened = RunData.open(new DataSettings("synthetic", data.toString(), 0, 0, 0), in);
    ImageDataset test = opened.test();
    int n = test.size();
    int e = 3 * 32 * 32;
    int right = 0;
    for (int i = 0; i < n; i++) {
      double[] img = RunModel.image(test, i, opened.normalization().mean(), opened.normalization().std());
      float[] x = new float[e];
      for (int j = 0; j < e; j++) {
        x[j] = (float) img[j];
      }
      // PyTorch exported the fixture with a batch of one
      float[] logits = OnnxRuntimeRunner.logits(model, x, 1, 3, 32, 32)[0];
      int best = 0;
      for (int k = 1; k < logits.length; k++) {
        best = logits[k] > logits[best] ? k : best;
      }
      right += best == test.label(i) ? 1 : 0;
    }
    return right / (double) n;
  }

  @Test
  void evalGivesOnnxRuntimesAccuracyOfTheFile() throws Exception {
    Path data = data();
    Path model = Fixtures.model("cifar-basic");
    CliRun r = CliRun.of("eval", "--onnx", model.toString(), "--dataset", "synthetic", "--data", data.toString(),
        "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("samples").asInt()).isEqualTo(64);
    assertThat(o.get("relus").asLong()).isEqualTo(Fixtures.record("cifar-basic").get("relus").asLong());
    // a near-tie may fall either way in float32: at most one image of 64
    assertThat(o.get("top1").asDouble()).isCloseTo(onnxRuntimeTop1(model, data), within(1.0 / 64 + 1e-9));
  }

  @Test
  @Tag("slow")
  void trainStartsFromTheFilesWeightsAndWritesAnImportedRun() throws Exception {
    Path data = data();
    Path out = dir.resolve("run");
    CliRun r = CliRun.of("train", "--onnx", Fixtures.model("cifar-basic").toString(), "--dataset", "synthetic",
        "--data", data.toString(), "--epochs", "1", "--batch-size", "32", "--lr", "0.001", "--out", out.toString(),
        "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("from the imported model's weights");
    assertThat(out.resolve("graph.json")).exists();
    assertThat(out.resolve("spec.yaml")).doesNotExist();
    assertThat(Files.readString(out.resolve("config.json"))).contains("\"epochs\"");
    CliRun eval = CliRun.of("eval", "--run", out.toString(), "--json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(JSON.readTree(eval.out()).get("params").asLong())
        .isEqualTo(Fixtures.record("cifar-basic").get("params").asLong());
  }
}
