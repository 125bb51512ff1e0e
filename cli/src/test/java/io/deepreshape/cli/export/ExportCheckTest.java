package io.deepreshape.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.OnnxExport;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import io.deepreshape.train.model.TrainedWeights;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX Runtime, run on the exported file, gives DJL's logits for every block type (basic,
 * bottleneck, pre-activation wide), stem (CIFAR, ImageNet with max-pool) and ReLU mode (full,
 * identity, partial by fraction and by channel set, reuse with groups that do and do not divide the
 * channels). Every parameter, batch-norm running statistics included, is drawn at random first, so a
 * swapped or dropped parameter shows.
 */
class ExportCheckTest {
  @TempDir
  Path dir;

  static Stream<NetworkSpec> networks() {
    BitSet kept = new BitSet();
    kept.set(1);
    kept.set(3);
    Map<ReluAddress, ReluMode> modes = Map.of(
        ReluAddress.STEM, new ReluMode.Reuse(3),
        ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(1, 1, 2), new ReluMode.PartialFraction(0.5),
        ReluAddress.of(2, 1, 1), new ReluMode.Reuse(2),
        ReluAddress.of(2, 1, 2), new ReluMode.PartialChannels(kept));
    NetworkSpec basic = Presets.fromFactors("basic", new InputShape(3, 16, 16, 5), StemType.CIFAR, BlockType.BASIC, 4,
        new int[] {2, 1}, new int[] {2});
    NetworkSpec bottleneck = Presets.fromFactors("bottleneck", new InputShape(3, 16, 16, 6), StemType.CIFAR,
        BlockType.BOTTLENECK, 4, new int[] {2, 1}, new int[] {2});
    NetworkSpec wide = Presets.fromFactors("wide", new InputShape(3, 16, 16, 4), StemType.WIDE, BlockType.WIDE, 4,
        new int[] {2, 1}, new int[] {2});
    NetworkSpec imagenet = Presets.fromFactors("imagenet-stem", new InputShape(3, 40, 40, 7), StemType.IMAGENET,
        BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2});
    return Stream.of(basic, basic.withReluModes(modes), bottleneck,
        bottleneck.withReluModes(modes).withReluModes(Map.of(ReluAddress.of(1, 2, 3), new ReluMode.Reuse(5))),
        wide.withReluModes(Map.of(ReluAddress.of(1, 1, 1), new ReluMode.Reuse(3), ReluAddress.of(1, 2, 2),
            ReluMode.IDENTITY, ReluAddress.HEAD, new ReluMode.PartialFraction(0.25))),
        wide, imagenet, imagenet.withReluModes(modes), Presets.build("hybrenet:4,2,3,2", Dataset.FASHION_MNIST));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void onnxRuntimeGivesDjlsLogits(NetworkSpec spec) throws Exception {
    Path file = dir.resolve(spec.name() + ".onnx");
    try (LoadedModel model = LoadedModel.random(spec, 7)) {
      scramble(model, new Random(spec.name().hashCode()));
      OnnxExport.write(NetworkGraph.of(spec), new TrainedWeights(model.built()), file);
      ExportCheck.Result r = ExportCheck.compare(model, file, 4, 11);
      System.out.printf("%s: max |difference| %.3g, max |logit| %.3g%n", spec.name(), r.maxDifference(), r.maxLogit());
      // non-trivial logits, so that agreement within the tolerance means something
      assertThat(r.maxLogit()).isGreaterThan(0.1);
      assertThat(r.maxDifference()).isLessThanOrEqualTo(r.tolerance());
    }
  }

  /** Every parameter drawn from N(0, 0.5), running variances from U(0.5, 1.5). */
  static void scramble(LoadedModel model, Random random) {
    model.handle().trainableArrays().values().forEach(a -> a.set(draw(a, random, false)));
    model.handle().statisticArrays().forEach((name, a) -> a.set(draw(a, random, name.endsWith("runningVar"))));
  }

  private static float[] draw(NDArray a, Random random, boolean positive) {
    float[] v = new float[Math.toIntExact(a.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = positive ? 0.5f + random.nextFloat() : (float) (0.5 * random.nextGaussian());
    }
    return v;
  }
}
