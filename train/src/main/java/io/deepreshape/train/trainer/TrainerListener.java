package io.deepreshape.train.trainer;

/** Callbacks from the training loop, on the training thread. */
public interface TrainerListener {
  /**
   * After each optimizer step.
   *
   * @param epoch 1-based epoch
   * @param batch 1-based batch within the epoch
   * @param globalStep steps taken since the start of the run
   * @param loss the step's loss
   */
  default void onStep(int epoch, int batch, long globalStep, double loss) {}

  /** After each epoch's metrics and checkpoint were written. */
  default void onEpoch(EpochMetrics metrics) {}
}
