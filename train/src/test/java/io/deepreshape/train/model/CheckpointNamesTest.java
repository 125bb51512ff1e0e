package io.deepreshape.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.util.Pair;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model built from the graph nests its DJL blocks as the layout-based builder did, so checkpoints
 * saved before keep loading: parameter names recorded from that builder (identity and projection
 * blocks, pre-activation and post-activation), and every parameterised layer reachable by its node
 * address.
 */
class CheckpointNamesTest {
  @Test
  void parameterNamesAreThoseOfSavedCheckpoints() {
    List<String> resnet = names(Presets.build("resnet18", Dataset.CIFAR10));
    assertThat(resnet).hasSize(102).startsWith("01SequentialBlock_01Conv2d_weight", "01SequentialBlock_02BatchNorm_gamma")
        .contains("02SequentialBlock_01ParallelBlock_01SequentialBlock_01Conv2d_weight",
            "04SequentialBlock_01ParallelBlock_02SequentialBlock_01Conv2d_weight",
            "04SequentialBlock_01ParallelBlock_02SequentialBlock_02BatchNorm_gamma")
        .endsWith("10SequentialBlock_02Linear_weight", "10SequentialBlock_02Linear_bias");
    // pre-activation identity block: BN-ReLU wrap the branch inside the sum's main path
    List<String> identity = names(Presets.build("wrn-16-1", Dataset.CIFAR10));
    assertThat(identity).hasSize(69).contains("02ParallelBlock_01SequentialBlock_01BatchNorm_gamma",
        "02ParallelBlock_01SequentialBlock_03SequentialBlock_01Conv2d_weight",
        "02ParallelBlock_01SequentialBlock_03SequentialBlock_04Conv2d_weight");
    // pre-activation projection block: BN-ReLU before the sum, the projection reading their output
    List<String> projection = names(Presets.build("wrn-16-2", Dataset.CIFAR10));
    assertThat(projection).contains("02SequentialBlock_01BatchNorm_gamma",
        "02SequentialBlock_03ParallelBlock_01SequentialBlock_01Conv2d_weight",
        "02SequentialBlock_03ParallelBlock_01SequentialBlock_04Conv2d_weight",
        "02SequentialBlock_03ParallelBlock_02SequentialBlock_01Conv2d_weight",
        "03ParallelBlock_01SequentialBlock_03SequentialBlock_01Conv2d_weight");
  }

  @Test
  void everyParameterisedLayerHasItsNodeAddress() {
    BuiltModel m = ModelBuilder.build(Presets.build("wrn-16-2", Dataset.CIFAR10));
    assertThat(m.layers()).containsKeys("stem.conv", "s1.b1.bn1", "s1.b1.conv1", "s1.b1.bn2", "s1.b1.shortcut",
        "s3.b2.conv2", "head.bn", "head.fc");
    assertThat(m.layers().get("s1.b1.shortcut")).isInstanceOf(Conv2d.class);
  }

  private static List<String> names(NetworkSpec spec) {
    Block b = ModelBuilder.build(spec).block();
    List<String> out = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      b.initialize(m, DataType.FLOAT32, new Shape(1, spec.input().channels(), spec.input().height(),
          spec.input().width()));
      for (Pair<String, Parameter> p : b.getParameters()) {
        out.add(p.getKey());
      }
    }
    return out;
  }
}
