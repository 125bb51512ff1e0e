package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.OnnxExport;
import io.deepreshape.onnx.OnnxRuntimeRunner;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import io.deepreshape.train.model.TrainedWeights;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network with partial ReLUs and ReLU-reuse, exported (Gather/Concat and Greater/Cast/Mul patterns)
 * and imported again, is the same network: the same ReLUs per stage, MACs and parameters, the same
 * modes (identity layers leave no node, so the others are compared in order), and logits that equal
 * both the original DJL model's and ONNX Runtime's on the file, within 1e-4 absolute.
 */
class ReimportTest {
  static final double TOLERANCE = 1e-4;
  static final int IMAGES = 4;

  @TempDir
  Path dir;

  @Test
  void aBasicNetworkWithEveryModeComesBackAlike() {
    // stem 4x16x16; S1 two blocks of 4x16x16; S2 one block of 8x8x8. Kept comparisons: s1.b1.r2 2 channels
    // (512), s1.b2.r1 reuse:3 on 4 channels = 2 signs (512), s1.b2.r2 full (1,024), s2.b1.r1 half of 8 = 4
    // channels (256), s2.b1.r2 reuse:2 = 4 signs (256): 2,560 ReLUs, S1 2,048 and S2 512; stem and s1.b1.r1 none
    NetworkSpec base = Presets.fromFactors("rt-basic", new InputShape(3, 16, 16, 5), StemType.CIFAR, BlockType.BASIC,
        4, new int[] {2, 1}, new int[] {2});
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    modes.put(ReluAddress.STEM, ReluMode.IDENTITY);
    modes.put(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY);
    modes.put(ReluAddress.of(1, 1, 2), ReluMode.parse("partial:channels=0,2", "test"));
    modes.put(ReluAddress.of(1, 2, 1), new ReluMode.Reuse(3));
    modes.put(ReluAddress.of(2, 1, 1), new ReluMode.PartialFraction(0.5));
    modes.put(ReluAddress.of(2, 1, 2), new ReluMode.Reuse(2));
    NetworkGraph back = roundTrip(NetworkGraph.of(base.withReluModes(modes)), 3);
    assertThat(Accounting.of(back).relus()).isEqualTo(2_560);
    assertThat(back.stageRelus()).containsExactly(2_048, 512);
    assertThat(back.reluLayers()).extracting(ReluLayer::mode).containsExactly(
        ReluMode.parse("partial:channels=0,2", "test"), new ReluMode.Reuse(3), ReluMode.FULL,
        ReluMode.parse("partial:channels=0-3", "test"), new ReluMode.Reuse(2));
  }

  @Test
  void aBottleneckNetworkWithACulledImageNetStemComesBackAlike() {
    NetworkSpec base = Presets.fromFactors("rt-bottleneck", new InputShape(3, 32, 32, 6), StemType.IMAGENET,
        BlockType.BOTTLENECK, 4, new int[] {1, 1}, new int[] {2});
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    modes.put(ReluAddress.STEM, ReluMode.IDENTITY);
    modes.put(ReluAddress.of(1, 1, 2), new ReluMode.Reuse(2));
    modes.put(ReluAddress.of(1, 1, 3), new ReluMode.Reuse(5));
    modes.put(ReluAddress.of(2, 1, 1), ReluMode.parse("partial:channels=1-3,6", "test"));
    modes.put(ReluAddress.of(2, 1, 3), ReluMode.IDENTITY);
    roundTrip(NetworkGraph.of(base.withReluModes(modes)), 5);
  }

  /** Exports {@code graph} with seeded random DJL weights, imports the file, and compares; returns the import. */
  private NetworkGraph roundTrip(NetworkGraph graph, long seed) {
    Path file = dir.resolve(graph.name() + ".onnx");
    InputShape in = graph.input();
    float[] x = images(in, seed);
    float[] original;
    GraphModelFactory f = new GraphModelFactory(graph);
    try (ModelHandle model = ModelHandle.create(f, Device.cpu(), seed)) {
      OnnxExport.write(graph, new TrainedWeights(f.built()), file);
      original = logits(model, x, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportedModel m = OnnxImport.read(file);
    NetworkGraph back = m.graph();
    NetworkCost want = Accounting.of(graph);
    NetworkCost got = Accounting.of(back);
    assertThat(got.relus()).isEqualTo(want.relus());
    assertThat(got.macs()).isEqualTo(want.macs());
    assertThat(got.params()).isEqualTo(want.params());
    assertThat(back.stageRelus()).containsExactly(graph.stageRelus());
    List<ReluMode> live = graph.reluLayers().stream().map(ReluLayer::mode)
        .filter(mode -> !(mode instanceof ReluMode.Identity)).map(mode -> canonical(mode, graph)).toList();
    assertThat(back.reluLayers()).extracting(ReluLayer::mode).containsExactlyElementsOf(live);
    float[] reimported;
    try (ModelHandle h = GraphModelFactory.withWeights(back, m.weights(), Device.cpu())) {
      reimported = logits(h, x, in);
    }
    float[][] ort = OnnxRuntimeRunner.logits(file, x, IMAGES, in.channels(), in.height(), in.width());
    for (int i = 0; i < IMAGES; i++) {
      for (int c = 0; c < in.classes(); c++) {
        double o = original[i * in.classes() + c];
        assertThat((double) reimported[i * in.classes() + c]).as("image %d class %d vs DJL", i, c)
            .isCloseTo(o, within(TOLERANCE));
        assertThat((double) ort[i][c]).as("image %d class %d, ONNX Runtime vs DJL", i, c).isCloseTo(o, within(TOLERANCE));
      }
    }
    return back;
  }

  /** A fraction reads back as the channels it keeps, the first round(f C). */
  private static ReluMode canonical(ReluMode mode, NetworkGraph graph) {
    if (mode instanceof ReluMode.PartialFraction p) {
      int c = graph.reluLayers().stream().filter(l -> l.mode() == mode).findFirst().orElseThrow().channels();
      BitSet first = new BitSet();
      first.set(0, p.keptChannels(c));
      return new ReluMode.PartialChannels(first);
    }
    return mode;
  }

  private static float[] images(InputShape in, long seed) {
    Random r = new Random(seed);
    float[] x = new float[IMAGES * in.channels() * in.height() * in.width()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  private static float[] logits(ModelHandle h, float[] x, InputShape in) {
    NDArray a = h.manager().create(x, new Shape(IMAGES, in.channels(), in.height(), in.width()));
    return h.forward(a, false).toFloatArray();
  }
}
