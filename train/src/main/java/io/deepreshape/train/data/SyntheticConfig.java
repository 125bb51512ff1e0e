package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

/**
 * Parameters of a synthetic dataset: number of classes, training and test images, image side
 * (square, 3 channels) and the seed that fixes every byte.
 */
public record SyntheticConfig(int classes, int train, int test, int size, long seed) {
  /** Default image side, as CIFAR. */
  public static final int DEFAULT_SIZE = 32;

  public SyntheticConfig {
    if (classes < 2 || classes > 256) {
      throw new UserInputException("classes must be in 2..256, got " + classes);
    }
    if (train < 1 || test < 1) {
      throw new UserInputException("train and test counts must be positive");
    }
    if (size < 8 || size > 512) {
      throw new UserInputException("size must be in 8..512, got " + size);
    }
    if ((long) Math.max(train, test) * 3 * size * size > Integer.MAX_VALUE - 16) {
      throw new UserInputException("too many images to hold in one byte array");
    }
  }

  /** The same dataset shape at the default 32x32 size. */
  public static SyntheticConfig of(int classes, int train, int test, long seed) {
    return new SyntheticConfig(classes, train, test, DEFAULT_SIZE, seed);
  }
}
