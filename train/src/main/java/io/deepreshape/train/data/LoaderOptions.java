package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

import java.util.Objects;

/**
 * How a {@link BatchLoader} iterates: batch size; training (seeded shuffle and augmentation per
 * epoch) or evaluation (dataset order, no augmentation, last partial batch kept); whether a
 * training pass drops its last partial batch; the augmentation; the normalisation; the seed; and
 * how many batches the background thread may prepare ahead.
 */
public record LoaderOptions(
    int batchSize,
    boolean training,
    boolean dropLast,
    Augmentation augmentation,
    Normalization normalization,
    long seed,
    int prefetch) {
  /** Default number of batches prepared ahead of the consumer. */
  public static final int DEFAULT_PREFETCH = 4;

  public LoaderOptions {
    if (batchSize < 1) {
      throw new UserInputException("batch size must be positive, got " + batchSize);
    }
    if (prefetch < 1) {
      throw new UserInputException("prefetch must be positive, got " + prefetch);
    }
    Objects.requireNonNull(augmentation, "augmentation");
    Objects.requireNonNull(normalization, "normalization");
    if (!training) {
      augmentation = Augmentation.NONE;
      dropLast = false;
    }
  }

  /** A training pass: shuffled and augmented per (seed, epoch), last partial batch dropped. */
  public static LoaderOptions training(
      int batchSize, Augmentation augmentation, Normalization normalization, long seed) {
    return new LoaderOptions(
        batchSize, true, true, augmentation, normalization, seed, DEFAULT_PREFETCH);
  }

  /** An evaluation pass: dataset order, no augmentation, every image. */
  public static LoaderOptions evaluation(int batchSize, Normalization normalization) {
    return new LoaderOptions(
        batchSize, false, false, Augmentation.NONE, normalization, 0L, DEFAULT_PREFETCH);
  }

  public LoaderOptions withDropLast(boolean value) {
    return new LoaderOptions(batchSize, training, value, augmentation, normalization, seed, prefetch);
  }

  public LoaderOptions withPrefetch(int value) {
    return new LoaderOptions(batchSize, training, dropLast, augmentation, normalization, seed, value);
  }
}
