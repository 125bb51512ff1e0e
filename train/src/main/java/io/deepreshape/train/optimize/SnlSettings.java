package io.deepreshape.train.optimize;

import io.deepreshape.error.UserInputException;

/**
 * Phase 1 of SNL (Cho et al., ICML 2022; official-code defaults in DEEPRESHAPE.md section 10): Adam
 * with learning rate {@code lr} on weights and masks, loss = CE + KD + {@code lambda * ||alpha||_1},
 * {@code lambda} starting at {@code lambda0} and multiplied by {@code lambdaFactor} at every check
 * where the live count (channels with {@code alpha > threshold}, times H*W) did not fall. A check runs
 * every {@code checkEverySteps} steps, or at each epoch end when 0. The search stops when the live
 * count reaches the budget or after {@code maxEpochs} epochs (the binarisation then still keeps
 * exactly the budget's largest masks).
 */
public record SnlSettings(int maxEpochs, double lr, double lambda0, double lambdaFactor, int checkEverySteps,
    double threshold) {
  public SnlSettings {
    if (maxEpochs < 1) {
      throw new UserInputException("SNL search epochs must be >= 1, was " + maxEpochs);
    }
    if (!(lr > 0) || !(lambda0 > 0) || !(lambdaFactor > 1)) {
      throw new UserInputException("SNL needs lr > 0, lambda > 0 and a lambda factor > 1, was " + lr + ", "
          + lambda0 + ", " + lambdaFactor);
    }
    if (checkEverySteps < 0 || !(threshold >= 0 && threshold < 1)) {
      throw new UserInputException("SNL check interval must be >= 0 and the threshold in [0, 1)");
    }
  }

  /** The official code's values: 1e-3, lambda 1e-5 x1.1, checks per epoch, threshold 0.01. */
  public static SnlSettings defaults(int maxEpochs) {
    return new SnlSettings(maxEpochs, 1e-3, 1e-5, 1.1, 0, 0.01);
  }
}
