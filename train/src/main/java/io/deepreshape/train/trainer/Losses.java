package io.deepreshape.train.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Classification losses on logits {@code (N, K)}: softmax cross-entropy with optional label
 * smoothing, and Hinton knowledge distillation. Results are scalar arrays averaged over the batch;
 * arrays are created in the logits' manager.
 */
public final class Losses {
  private Losses() {}

  /**
   * Mean softmax cross-entropy against targets {@code (1 - eps) * onehot(label) + eps / K}.
   *
   * @param labels class of each row, {@code labels.length >= N}
   */
  public static NDArray crossEntropy(NDArray logits, int[] labels, double labelSmoothing) {
    NDArray target = targets(logits.getManager(), labels, logits.getShape(), labelSmoothing);
    return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
  }

  /**
   * Hinton distillation: {@code (1 - w) * CE(student, labels) + w * T^2 * KL(softmax(teacher / T)
   * || softmax(student / T))}, KL summed over classes and averaged over the batch. The teacher
   * logits must carry no gradient.
   */
  public static NDArray distillation(
      NDArray studentLogits,
      NDArray teacherLogits,
      int[] labels,
      double temperature,
      double weight,
      double labelSmoothing) {
    float inverseT = (float) (1.0 / temperature);
    NDArray studentLog = studentLogits.mul(inverseT).logSoftmax(1);
    NDArray teacherLog = teacherLogits.mul(inverseT).logSoftmax(1);
    NDArray kl = teacherLog.exp().mul(teacherLog.sub(studentLog)).sum(new int[] {1}).mean();
    NDArray soft = kl.mul((float) (weight * temperature * temperature));
    if (weight >= 1) {
      return soft;
    }
    NDArray hard = crossEntropy(studentLogits, labels, labelSmoothing);
    return hard.mul((float) (1 - weight)).add(soft);
  }

  private static NDArray targets(NDManager manager, int[] labels, Shape shape, double smoothing) {
    int rows = Math.toIntExact(shape.get(0));
    int classes = Math.toIntExact(shape.get(1));
    float off = (float) (smoothing / classes);
    float on = (float) (1 - smoothing) + off;
    float[] values = new float[rows * classes];
    if (off != 0) {
      Arrays.fill(values, off);
    }
    for (int i = 0; i < rows; i++) {
      int label = labels[i];
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "label " + label + " of row " + i + " out of range [0, " + classes + ")");
      }
      values[i * classes + label] = on;
    }
    return manager.create(values, new Shape(rows, classes));
  }
}
