package io.deepreshape.train.optim;

import io.deepreshape.train.optim.ScheduleKind;
import io.deepreshape.train.trainer.TrainConfig;
import java.util.List;

/**
 * Per-iteration learning rate: linear warm-up over the first {@code warmupEpochs} epochs, then
 * cosine decay to zero over the remaining steps, or step decay by {@code gamma} at each epoch
 * milestone. Step indices are 0-based global iterations; the rate for step {@code t} is the one
 * used by the optimizer update of that step.
 */
public final class LearningRateSchedule {
  private final double baseRate;
  private final ScheduleKind kind;
  private final List<Integer> milestones;
  private final double gamma;
  private final long stepsPerEpoch;
  private final long warmupSteps;
  private final long totalSteps;

  /** Creates the schedule of {@code config} for epochs of {@code stepsPerEpoch} iterations. */
  public LearningRateSchedule(TrainConfig config, int stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
    }
    this.baseRate = config.learningRate();
    this.kind = config.schedule();
    this.milestones = config.stepMilestones();
    this.gamma = config.stepGamma();
    this.stepsPerEpoch = stepsPerEpoch;
    this.warmupSteps = (long) config.warmupEpochs() * stepsPerEpoch;
    this.totalSteps = (long) config.epochs() * stepsPerEpoch;
  }

  /** Learning rate of global step {@code step} (0-based). */
  public double rate(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    if (step < warmupSteps) {
      return baseRate * (step + 1) / warmupSteps;
    }
    if (kind == ScheduleKind.COSINE) {
      double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
      return 0.5 * baseRate * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
    }
    long epoch = step / stepsPerEpoch;
    double rate = baseRate;
    for (int milestone : milestones) {
      if (epoch >= milestone) {
        rate *= gamma;
      }
    }
    return rate;
  }

  public long totalSteps() {
    return totalSteps;
  }
}
