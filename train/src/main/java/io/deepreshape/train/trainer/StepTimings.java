package io.deepreshape.train.trainer;

/**
 * Accumulated wall time of the phases of training steps, in nanoseconds: host-to-device copy,
 * forward+loss+backward (including the teacher and the loss read-back), optimizer update, and
 * bookkeeping (accuracy read-back, scope release).
 */
public final class StepTimings {
  long transferNanos;
  long computeNanos;
  long optimizerNanos;
  long bookkeepingNanos;
  long steps;

  public long transferNanos() {
    return transferNanos;
  }

  public long computeNanos() {
    return computeNanos;
  }

  public long optimizerNanos() {
    return optimizerNanos;
  }

  public long bookkeepingNanos() {
    return bookkeepingNanos;
  }

  public long steps() {
    return steps;
  }

  public void reset() {
    transferNanos = 0;
    computeNanos = 0;
    optimizerNanos = 0;
    bookkeepingNanos = 0;
    steps = 0;
  }
}
