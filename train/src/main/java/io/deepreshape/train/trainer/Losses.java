package io.deepreshape.train.trainer;

import ai.djl.ndarray.NDArray;

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
   * @param labels int64 vector of the N classes
   */
  public static NDArray crossEntropy(NDArray logits, NDArray labels, double labelSmoothing) {
    int classes = Math.toIntExact(logits.getShape().get(1));
    NDArray target = labels.oneHot(classes);
    if (labelSmoothing != 0) {
      target = target.mul((float) (1 - labelSmoothing)).add((float) (labelSmoothing / classes));
    }
    return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
  }

  /** {@link #crossEntropy(NDArray, NDArray, double)} with labels from a Java array. */
  public static NDArray crossEntropy(NDArray logits, int[] labels, double labelSmoothing) {
    return crossEntropy(logits, labelArray(logits, labels), labelSmoothing);
  }

  /**
   * Hinton distillation: {@code (1 - w) * CE(student, labels) + w * T^2 * KL(softmax(teacher / T)
   * || softmax(student / T))}, KL summed over classes and averaged over the batch. The teacher
   * logits must carry no gradient.
   *
   * @param labels int64 vector of the N classes
   */
  public static NDArray distillation(
      NDArray studentLogits,
      NDArray teacherLogits,
      NDArray labels,
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

  /** {@link #distillation(NDArray, NDArray, NDArray, double, double, double)} with Java labels. */
  public static NDArray distillation(
      NDArray studentLogits,
      NDArray teacherLogits,
      int[] labels,
      double temperature,
      double weight,
      double labelSmoothing) {
    return distillation(studentLogits, teacherLogits, labelArray(studentLogits, labels),
        temperature, weight, labelSmoothing);
  }

  private static NDArray labelArray(NDArray logits, int[] labels) {
    int rows = Math.toIntExact(logits.getShape().get(0));
    long classes = logits.getShape().get(1);
    long[] values = new long[rows];
    for (int i = 0; i < rows; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " of row " + i + " out of range [0, " + classes + ")");
      }
      values[i] = labels[i];
    }
    return logits.getManager().create(values);
  }
}
