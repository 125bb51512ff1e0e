package io.deepreshape.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba, ICLR 2015) without weight decay, as SNL's mask search uses it (learning rate
 * 1e-3): {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code w -= lr * m_hat /
 * (sqrt(v_hat) + eps)} with bias-corrected moments. Gradients are zeroed after the update.
 */
public final class AdamOptimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;
  private final double lr;
  private final Map<String, NDArray> first = new HashMap<>();
  private final Map<String, NDArray> second = new HashMap<>();
  private int steps;

  public AdamOptimizer(double lr) {
    this.lr = lr;
  }

  /** Updates every weight from its gradient; temporaries live in a sub-manager of {@code scratch}. */
  public void step(Map<String, NDArray> weights, NDManager scratch) {
    steps++;
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      first.computeIfAbsent(e.getKey(), k -> e.getValue().zerosLike());
      second.computeIfAbsent(e.getKey(), k -> e.getValue().zerosLike());
    }
    float c1 = (float) (1 - Math.pow(BETA1, steps));
    float c2 = (float) (1 - Math.pow(BETA2, steps));
    try (NDManager tmp = scratch.newSubManager()) {
      for (Map.Entry<String, NDArray> e : weights.entrySet()) {
        NDArray w = e.getValue();
        NDArray g = w.getGradient();
        g.attach(tmp);
        w.tempAttach(tmp);
        NDArray m = first.get(e.getKey());
        NDArray v = second.get(e.getKey());
        m.tempAttach(tmp);
        v.tempAttach(tmp);
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.square().mul(1 - BETA2));
        NDArray update = m.div(c1).div(v.div(c2).sqrt().add(EPS)).mul((float) lr);
        w.subi(update);
        if (w instanceof PtNDArray pt) {
          JniUtils.zeroGrad(pt);
        } else {
          g.subi(g);
        }
      }
    }
  }
}
