package io.deepreshape.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum, optional Nesterov and L2 weight decay, in PyTorch's convention, with momentum
 * buffers owned here so that they can be saved and restored exactly:
 *
 * <pre>
 * d = grad + weightDecay * w
 * buf = momentum * buf + d            (buf starts at zero, so the first step gives buf = d)
 * d = nesterov ? d + momentum * buf : buf
 * w = w - lr * d
 * </pre>
 *
 * Gradients are zeroed after the update (PyTorch accumulates them across backward passes).
 */
public final class SgdOptimizer {
  private final double momentum;
  private final double weightDecay;
  private final boolean nesterov;
  private final Map<String, NDArray> buffers = new LinkedHashMap<>();

  public SgdOptimizer(double momentum, double weightDecay, boolean nesterov) {
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  /** The optimizer of {@code config}. */
  public static SgdOptimizer of(TrainConfig config) {
    return new SgdOptimizer(config.momentum(), config.weightDecay(), config.nesterov());
  }

  /**
   * Updates every weight in place from its gradient with learning rate {@code lr} and zeroes the
   * gradient. Must run outside a gradient collector. Temporaries live in a sub-manager of {@code
   * scratch} that is closed before returning.
   *
   * @param weights trainable arrays by stable parameter name
   */
  public void step(Map<String, NDArray> weights, double lr, NDManager scratch) {
    if (momentum != 0) {
      for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
        buffers.computeIfAbsent(entry.getKey(), k -> entry.getValue().zerosLike());
      }
    }
    float rate = (float) lr;
    float decay = (float) weightDecay;
    float mu = (float) momentum;
    try (NDManager tmp = scratch.newSubManager()) {
      for (Map.Entry<String, NDArray> entry : weights.entrySet()) {
        NDArray weight = entry.getValue();
        NDArray grad = weight.getGradient();
        grad.attach(tmp);
        weight.tempAttach(tmp);
        NDArray direction = decay != 0 ? grad.add(weight.mul(decay)) : grad;
        if (mu != 0) {
          NDArray buffer = buffers.get(entry.getKey());
          buffer.tempAttach(tmp);
          buffer.muli(mu).addi(direction);
          direction = nesterov ? direction.add(buffer.mul(mu)) : buffer;
        }
        weight.subi(direction.mul(rate));
        zeroGradient(weight, grad);
      }
    }
  }

  /**
   * Zeroes every gradient without an update: the step that produced them is skipped. Momentum
   * buffers are left as they were.
   */
  public void discardGradients(Map<String, NDArray> weights, NDManager scratch) {
    try (NDManager tmp = scratch.newSubManager()) {
      for (NDArray weight : weights.values()) {
        NDArray grad = weight.getGradient();
        grad.attach(tmp);
        zeroGradient(weight, grad);
      }
    }
  }

  private static void zeroGradient(NDArray weight, NDArray grad) {
    if (weight instanceof PtNDArray) {
      JniUtils.zeroGrad((PtNDArray) weight);
    } else {
      // not subi(grad): a NaN gradient minus itself stays NaN
      grad.zerosLike().copyTo(grad);
    }
  }

  /** Momentum buffers by parameter name (read-only view). */
  public Map<String, NDArray> buffers() {
    return Collections.unmodifiableMap(buffers);
  }

  /** Writes the momentum buffers (name and encoded array each). */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(buffers.size());
    for (Map.Entry<String, NDArray> entry : buffers.entrySet()) {
      out.writeUTF(entry.getKey());
      byte[] encoded = entry.getValue().encode();
      out.writeInt(encoded.length);
      out.write(encoded);
    }
  }

  /** Replaces the momentum buffers by those read from {@code in}, allocated in {@code manager}. */
  public void load(DataInputStream in, NDManager manager) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("corrupt optimizer state: " + count + " buffers");
    }
    Map<String, NDArray> loaded = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      int length = in.readInt();
      if (length < 0) {
        throw new IOException("corrupt optimizer state: buffer " + name + " has length " + length);
      }
      byte[] encoded = in.readNBytes(length);
      if (encoded.length != length) {
        throw new IOException("truncated optimizer state at buffer " + name);
      }
      loaded.put(name, manager.decode(encoded));
    }
    buffers.values().forEach(NDArray::close);
    buffers.clear();
    buffers.putAll(loaded);
  }
}
