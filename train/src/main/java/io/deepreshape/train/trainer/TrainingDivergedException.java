package io.deepreshape.train.trainer;

import java.nio.file.Path;

/** The training loss became NaN, infinite or larger than {@code max_loss}; the run was stopped. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path lastCheckpoint;

  public TrainingDivergedException(String message, Path lastCheckpoint) {
    super(message);
    this.lastCheckpoint = lastCheckpoint;
  }

  /** The last good checkpoint, which was left untouched. */
  public Path lastCheckpoint() {
    return lastCheckpoint;
  }
}
