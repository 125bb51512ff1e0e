package io.deepreshape.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import java.util.BitSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built model's parameters and the ReLUs its layers evaluate equal the accounting's, for every block type and mode. */
class ModelMatchesAccountingTest {

  static Stream<NetworkSpec> specs() {
    BitSet kept = new BitSet();
    kept.set(0, 3);
    Map<ReluAddress, ReluMode> modes = Map.of(
        ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(1, 1, 2), new ReluMode.PartialFraction(0.5),
        ReluAddress.of(2, 1, 1), new ReluMode.Reuse(3),
        ReluAddress.of(2, 1, 2), new ReluMode.PartialChannels(kept));
    NetworkSpec basic = Presets.build("hybrenet:4,2,3,2", Dataset.FASHION_MNIST);
    NetworkSpec bottleneck = Presets.fromFactors("bottleneck", new InputShape(3, 32, 32, 10), StemType.CIFAR,
        BlockType.BOTTLENECK, 4, new int[] {2, 1, 1}, new int[] {2, 2});
    NetworkSpec wide = Presets.build("wrn-10-1", Dataset.CIFAR10);
    NetworkSpec imagenetStem = Presets.fromFactors("imagenet-stem", new InputShape(3, 40, 40, 7), StemType.IMAGENET,
        BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2});
    return Stream.of(basic, basic.withReluModes(modes).withReluModes(Map.of(ReluAddress.STEM, new ReluMode.Reuse(2))),
        bottleneck, bottleneck.withReluModes(modes).withReluModes(Map.of(ReluAddress.of(1, 2, 3), new ReluMode.Reuse(5))),
        wide, wide.withReluModes(modes).withReluModes(Map.of(ReluAddress.HEAD, new ReluMode.PartialFraction(0.25))),
        imagenetStem);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void parametersAndEvaluatedRelusEqualTheAccounting(NetworkSpec spec) {
    NetworkCost cost = Accounting.of(spec);
    InputShape in = spec.input();
    BuiltModel model = ModelBuilder.build(spec);
    try (NDManager manager = NDManager.newBaseManager()) {
      model.block().initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
      assertThat(model.parameterCount()).isEqualTo(cost.params());
      model.resetReluCounts();
      NDArray x = manager.randomNormal(new Shape(3, in.channels(), in.height(), in.width()));
      NDList out = model.block().forward(new ParameterStore(manager, false), new NDList(x), false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(3, in.classes()));
      assertThat(model.evaluatedRelus()).isEqualTo(3 * cost.relus());
    }
  }
}
