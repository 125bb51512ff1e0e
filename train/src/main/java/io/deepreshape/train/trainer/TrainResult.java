package io.deepreshape.train.trainer;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of {@link Trainer#start} or {@link Trainer#resume}.
 *
 * @param status whether all epochs finished or a stop was requested
 * @param runDirectory the run directory
 * @param completedEpochs epochs fully trained
 * @param globalStep optimizer steps taken in total
 * @param metrics all metric lines of the run so far
 * @param bestTop1 best test top-1, null without evaluation
 */
public record TrainResult(
    Status status,
    Path runDirectory,
    int completedEpochs,
    long globalStep,
    List<EpochMetrics> metrics,
    Double bestTop1) {

  /** How the run ended. */
  public enum Status {
    COMPLETED,
    STOPPED
  }
}
