package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {
  private static final double[][] STUDENT = {{1.0, 2.0, 0.5}, {0.0, -1.0, 3.0}};
  private static final double[][] TEACHER = {{2.0, 0.0, 1.0}, {1.0, 1.0, -2.0}};
  private static final int[] LABELS = {1, 2};

  private static double[] logSoftmax(double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v / t - max);
    }
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = z[i] / t - max - Math.log(sum);
    }
    return out;
  }

  private static double handCrossEntropy(double smoothing) {
    double total = 0;
    for (int r = 0; r < STUDENT.length; r++) {
      double[] lp = logSoftmax(STUDENT[r], 1);
      double k = lp.length;
      for (int c = 0; c < lp.length; c++) {
        double target = smoothing / k + (c == LABELS[r] ? 1 - smoothing : 0);
        total -= target * lp[c];
      }
    }
    return total / STUDENT.length;
  }

  private static NDArray array(NDManager m, double[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length; c++) {
        flat[r * rows[r].length + c] = (float) rows[r][c];
      }
    }
    return m.create(flat, new Shape(rows.length, rows[0].length));
  }

  @Test
  void crossEntropyWithAndWithoutSmoothing() {
    try (NDManager m = Engine.getInstance().newBaseManager()) {
      NDArray s = array(m, STUDENT);
      assertThat((double) Losses.crossEntropy(s, LABELS, 0).getFloat())
          .isCloseTo(handCrossEntropy(0), within(1e-6));
      assertThat((double) Losses.crossEntropy(s, LABELS, 0.1).getFloat())
          .isCloseTo(handCrossEntropy(0.1), within(1e-6));
    }
  }

  @Test
  void distillationMatchesHintonFormula() {
    double t = 2.0;
    double w = 0.7;
    double kl = 0;
    for (int r = 0; r < STUDENT.length; r++) {
      double[] ls = logSoftmax(STUDENT[r], t);
      double[] lt = logSoftmax(TEACHER[r], t);
      for (int c = 0; c < ls.length; c++) {
        kl += Math.exp(lt[c]) * (lt[c] - ls[c]);
      }
    }
    kl /= STUDENT.length;
    double expected = (1 - w) * handCrossEntropy(0) + w * t * t * kl;
    try (NDManager m = Engine.getInstance().newBaseManager()) {
      NDArray loss = Losses.distillation(array(m, STUDENT), array(m, TEACHER), LABELS, t, w, 0);
      assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-6));
      // identical logits: only the hard part remains
      NDArray same = Losses.distillation(array(m, STUDENT), array(m, STUDENT), LABELS, t, w, 0);
      assertThat((double) same.getFloat()).isCloseTo((1 - w) * handCrossEntropy(0), within(1e-6));
    }
    assertThat(expected).isCloseTo(0.3 * handCrossEntropy(0) + 2.8 * kl, within(1e-12));
  }
}
