package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.CliRun;
import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.OnnxRuntimeRunner;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.optimize.PlanFile;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.trainer.ModelHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --onnx} on the PyTorch-written CIFAR ResNet (stem 8,192 ReLUs; S1 two BasicBlocks of
 * 8x32x32, 32,768; S2 one of 16x16x16, 8,192; S3 one of 32x8x8, 4,096; 53,248 in all): every method
 * meets the budget as {@code eval}'s accounting counts the result, the result exports again and passes
 * ONNX Runtime's check, and the exported file imports back to the same counts and logits.
 */
@Tag("slow")
class OptimizeOnnxTest {
  static final double TOLERANCE = 1e-4;

  @TempDir
  Path dir;

  Path data;

  @BeforeEach
  void dataset() {
    data = dir.resolve("synth");
    CliRun d = CliRun.of("dataset", "synth", "--train", "128", "--test", "64", "--out", data.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
  }

  private CliRun optimize(Path out, String method, long budget, String... more) {
    List<String> args = new ArrayList<>(List.of("optimize", "--onnx", Fixtures.model("cifar-basic").toString(),
        "--dataset", "synthetic", "--data", data.toString(), "--method", method, "--relus", String.valueOf(budget),
        "--epochs", "1", "--snl-epochs", "2", "--batch-size", "32", "--out", out.toString(), "--quiet"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  private static JsonNode eval(Path run) throws Exception {
    CliRun eval = CliRun.of("eval", "--run", run.toString(), "--json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(eval.out());
    assertThat(e.get("samples").asLong()).isEqualTo(64);
    return e;
  }

  @Test
  void snlMeetsTheBudgetAndTheResultExportsAgain() throws Exception {
    Path out = dir.resolve("snl");
    long budget = 20_480; // 20 channels of 32x32, or other mixes of 1024, 256 and 64 per channel
    CliRun r = optimize(out, "snl", budget);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cifar-basic-snl-" + budget).contains("exactly");
    assertThat(eval(out).get("relus").asLong()).isEqualTo(budget);
    exportAndReimport(out, budget);

    CliRun again = optimize(out, "snl", budget);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("reduced network found");
  }

  @Test
  void deepReduceThinsThenGivesBackChannelsToTheBudget() throws Exception {
    // order S3 > S2 > S1: the most ReLUs culling and thinning keep under 29,696 is culling the stem and
    // thinning S1 (53,248 - 8,192 - 2 * 8,192 = 28,672; no plan keeps more); the 1,024 left are one channel
    // of 32x32 given back to s1.b1.r1, the first removed layer of the most critical reduced stage
    Path out = dir.resolve("deepreduce");
    CliRun r = optimize(out, "deepreduce", 29_696, "--order", "3,2,1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cifar-basic-deepreduce-29696").contains("exactly")
        .contains("cull stem; thin S1 (28672 ReLUs)").contains("s1.b1.r1 partial:channels=0");
    NetworkGraph reduced = RunFiles.graph(out);
    assertThat(mode(reduced, ReluAddress.STEM)).isEqualTo(ReluMode.IDENTITY);
    assertThat(mode(reduced, ReluAddress.of(1, 2, 1))).isEqualTo(ReluMode.IDENTITY);
    assertThat(mode(reduced, ReluAddress.of(1, 1, 1)).text()).isEqualTo("partial:channels=0");
    JsonNode e = eval(out);
    assertThat(e.get("relus").asLong()).isEqualTo(29_696);
    assertThat(PlanFile.read(out).relus()).isEqualTo(29_696);
    exportAndReimport(out, 29_696);
  }

  @Test
  void reuseTakesPairsThenAFullLayerToTheBudget() throws Exception {
    // reuse:2 on S1 and S2 halves their 40,960 ReLUs (32,768 in all, under 34,816; S1 alone leaves 36,864);
    // the 2,048 left turn S2's first layer (16 channels of 16x16) back to a full ReLU
    Path out = dir.resolve("reuse");
    CliRun r = optimize(out, "reuse", 34_816, "--order", "3,2,1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("exactly").contains("reuse:2 on S1, S2 (32768 ReLUs)");
    NetworkGraph reduced = RunFiles.graph(out);
    assertThat(mode(reduced, ReluAddress.of(2, 1, 1))).isEqualTo(ReluMode.FULL);
    assertThat(mode(reduced, ReluAddress.of(2, 1, 2))).isEqualTo(new ReluMode.Reuse(2));
    assertThat(mode(reduced, ReluAddress.of(1, 2, 2))).isEqualTo(new ReluMode.Reuse(2));
    assertThat(mode(reduced, ReluAddress.of(3, 1, 1))).isEqualTo(ReluMode.FULL);
    assertThat(eval(out).get("relus").asLong()).isEqualTo(34_816);
    exportAndReimport(out, 34_816);
  }

  @Test
  void withoutAnOrderTheCriticalityIsMeasuredOnTheImportedNetwork() throws Exception {
    Path out = dir.resolve("measured");
    long budget = 20_000;
    CliRun r = optimize(out, "deepreduce", budget);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("measuring the criticality of cifar-basic's 3 stages");
    Path crit = out.resolve("criticality");
    assertThat(Accounting.of(RunFiles.graph(crit.resolve("linear"))).relus()).isZero();
    long[] stages = {32_768, 8_192, 4_096};
    for (int k = 1; k <= 3; k++) {
      NetworkGraph only = RunFiles.graph(crit.resolve("S" + k));
      assertThat(Accounting.of(only).relus()).as("S%d only", k).isEqualTo(stages[k - 1]);
      assertThat(Files.isRegularFile(new RunDirectory(crit.resolve("S" + k)).finalParamsFile())).isTrue();
    }
    String measured = CriticalityIo.read(crit.resolve("criticality.json")).order("x").toString();
    assertThat(PlanFile.read(out).order()).isEqualTo(measured);
    long relus = eval(out).get("relus").asLong();
    assertThat(relus).isLessThanOrEqualTo(budget).isEqualTo(PlanFile.read(out).relus());

    CliRun again = optimize(out, "deepreduce", budget);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("reduced network found").doesNotContain("measuring");
    CliRun other = optimize(out, "reuse", budget);
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("holds a deepreduce run at 20000 ReLUs, not reuse");
  }

  private static ReluMode mode(NetworkGraph g, ReluAddress a) {
    return g.reluLayers().stream().filter(l -> l.address().equals(a)).findFirst().orElseThrow().mode();
  }

  /**
   * {@code export --check} passes; the file imports back to the run's ReLUs (the budget's count) and MACs,
   * and the imported network's DJL logits equal the run's and ONNX Runtime's within 1e-4.
   */
  private void exportAndReimport(Path run, long relus) throws Exception {
    Path onnx = dir.resolve(run.getFileName() + ".onnx");
    CliRun x = CliRun.of("export", "--run", run.toString(), "--out", onnx.toString(), "--check");
    assertThat(x.exitCode()).as(x.out() + x.err()).isZero();
    assertThat(x.out()).contains("trained weights").contains("passed");

    NetworkGraph trained = RunFiles.graph(run);
    ImportedModel back = OnnxImport.read(onnx);
    NetworkCost want = Accounting.of(trained);
    NetworkCost got = Accounting.of(back.graph());
    assertThat(got.relus()).isEqualTo(relus).isEqualTo(want.relus());
    assertThat(got.macs()).isEqualTo(want.macs()).isEqualTo(Fixtures.record("cifar-basic").get("macs").asLong());
    CliRun analyze = CliRun.of("analyze", "--onnx", onnx.toString(), "--json");
    assertThat(new ObjectMapper().readTree(analyze.out()).get("relus").asLong()).isEqualTo(relus);

    InputShape in = trained.input();
    int n = 3;
    float[] images = new float[n * in.channels() * in.height() * in.width()];
    Random random = new Random(18);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    Shape shape = new Shape(n, in.channels(), in.height(), in.width());
    float[] original;
    try (ModelHandle h = ModelHandle.load(new GraphModelFactory(trained), Device.cpu(),
        new RunDirectory(run).finalParamsFile())) {
      original = h.forward(h.manager().create(images, shape), false).toFloatArray();
    }
    float[] reimported;
    try (ModelHandle h = GraphModelFactory.withWeights(back.graph(), back.weights(), Device.cpu())) {
      NDArray input = h.manager().create(images, shape);
      reimported = h.forward(input, false).toFloatArray();
    }
    float[][] ort = OnnxRuntimeRunner.logits(onnx, images, n, in.channels(), in.height(), in.width());
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < in.classes(); c++) {
        double o = ort[i][c];
        assertThat((double) reimported[i * in.classes() + c]).as("image %d class %d", i, c).isCloseTo(o, within(TOLERANCE));
        assertThat((double) original[i * in.classes() + c]).as("image %d class %d", i, c).isCloseTo(o, within(TOLERANCE));
      }
    }
  }
}
