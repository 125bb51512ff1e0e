package io.deepreshape.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import org.junit.jupiter.api.Test;

/** Each ReLU mode's output on a 1x5x1x1 input, computed by hand. */
class ReluModeBlockTest {
  private static final float[] X = {-1, 2, 3, -4, 5};

  private static float[] apply(ReluMode mode) {
    ReluModeBlock b = new ReluModeBlock(new ReluLayer(ReluAddress.of(1, 1, 1), mode, 1, 5, 1, 1));
    try (NDManager m = NDManager.newBaseManager()) {
      b.initialize(m, DataType.FLOAT32, new Shape(1, 5, 1, 1));
      NDArray x = m.create(X, new Shape(1, 5, 1, 1));
      float[] y = b.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
      for (int i = 0; i < y.length; i++) {
        y[i] += 0f; // -0.0 and 0.0 are the same activation
      }
      return y;
    }
  }

  @Test
  void full() {
    assertThat(apply(ReluMode.FULL)).containsExactly(0, 2, 3, 0, 5);
  }

  @Test
  void identity() {
    assertThat(apply(ReluMode.IDENTITY)).containsExactly(-1, 2, 3, -4, 5);
  }

  @Test
  void partialKeepsTheFirstChannels() {
    // round(0.4 * 5) = 2 channels keep their ReLU
    assertThat(apply(new ReluMode.PartialFraction(0.4))).containsExactly(0, 2, 3, -4, 5);
  }

  @Test
  void reuseAppliesTheGroupLeadersSign() {
    // groups {0,1}, {2,3}, {4}: leaders -1 (off), 3 (on), 5 (on)
    assertThat(apply(new ReluMode.Reuse(2))).containsExactly(0, 0, 3, -4, 5);
  }
}
