package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Deterministic subsets of a dataset for quick runs: the first N images or N seeded-random ones. */
public final class Subsets {
  private Subsets() {}

  /** The first {@code n} images (all of them if the dataset is smaller). */
  public static ImageDataset first(ImageDataset ds, int n) {
    requireNonNegative(n);
    if (n >= ds.size()) {
      return ds;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return new SubsetDataset(ds, idx, ds.name() + "[:" + n + "]");
  }

  /**
   * {@code n} distinct images chosen uniformly at random with {@code seed}, kept in dataset order
   * (all of them if the dataset is smaller).
   */
  public static ImageDataset random(ImageDataset ds, int n, long seed) {
    requireNonNegative(n);
    if (n >= ds.size()) {
      return ds;
    }
    int size = ds.size();
    int[] perm = new int[size];
    for (int i = 0; i < size; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, 0x5B5E7));
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt(size - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] idx = Arrays.copyOf(perm, n);
    Arrays.sort(idx);
    return new SubsetDataset(ds, idx, ds.name() + "[random " + n + ", seed " + seed + "]");
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new UserInputException("subset size must be >= 0, got " + n);
    }
  }
}
