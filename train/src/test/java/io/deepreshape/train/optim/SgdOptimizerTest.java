package io.deepreshape.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.deepreshape.train.optim.SgdOptimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Toy problem L = 0.5 * (k1 * a^2 + k2 * b^2), so dL/da = k1 * a and dL/db = k2 * b. */
class SgdOptimizerTest {
  private static final double K1 = 3.0;
  private static final double K2 = 0.5;

  @Test
  void twoStepsWithMomentumAndWeightDecayMatchHandComputation() {
    check(false);
  }

  @Test
  void nesterovStepsMatchHandComputation() {
    check(true);
  }

  private void check(boolean nesterov) {
    double mu = 0.9;
    double wd = 0.1;
    double[] lrs = {0.5, 0.25};
    double a = 1.0;
    double b = -2.0;
    double bufA = 0;
    double bufB = 0;
    for (double lr : lrs) {
      double dA = K1 * a + wd * a;
      double dB = K2 * b + wd * b;
      bufA = mu * bufA + dA;
      bufB = mu * bufB + dB;
      a -= lr * (nesterov ? dA + mu * bufA : bufA);
      b -= lr * (nesterov ? dB + mu * bufB : bufB);
    }
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray wa = manager.create(new float[] {1f});
      NDArray wb = manager.create(new float[] {-2f});
      wa.setRequiresGradient(true);
      wb.setRequiresGradient(true);
      Map<String, NDArray> weights = new LinkedHashMap<>();
      weights.put("a", wa);
      weights.put("b", wb);
      SgdOptimizer opt = new SgdOptimizer(mu, wd, nesterov);
      for (double lr : lrs) {
        try (NDManager scope = manager.newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = wa.mul(wa).mul((float) K1).add(wb.mul(wb).mul((float) K2)).sum()
                .mul(0.5f);
            gc.backward(loss);
          }
          opt.step(weights, lr, scope);
        }
      }
      assertThat((double) wa.getFloat(0)).isCloseTo(a, within(1e-6));
      assertThat((double) wb.getFloat(0)).isCloseTo(b, within(1e-6));
      assertThat((double) opt.buffers().get("a").getFloat(0)).isCloseTo(bufA, within(1e-6));
      assertThat((double) opt.buffers().get("b").getFloat(0)).isCloseTo(bufB, within(1e-6));
      assertThat(wa.getGradient().getFloat(0)).isZero();
    }
  }

  @Test
  void stateRoundTripIsExact() throws Exception {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray w = manager.create(new float[] {0.3f, -1.7f, 2.5f});
      w.setRequiresGradient(true);
      SgdOptimizer opt = new SgdOptimizer(0.9, 5e-4, false);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(w.mul(w).sum());
      }
      opt.step(Map.of("w", w), 0.1, manager);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      opt.save(new DataOutputStream(bytes));
      SgdOptimizer restored = new SgdOptimizer(0.9, 5e-4, false);
      restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);
      assertThat(restored.buffers().get("w").toFloatArray())
          .containsExactly(opt.buffers().get("w").toFloatArray());
    }
  }
}
