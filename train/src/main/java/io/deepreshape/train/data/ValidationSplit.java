package io.deepreshape.train.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A training set split in two with a seed: {@code validation} images chosen uniformly at random and the
 * remaining {@code train} images, disjoint, each kept in dataset order. The same dataset, count and seed
 * always give the same split, whatever seed the training itself uses.
 */
public record ValidationSplit(ImageDataset train, ImageDataset validation) {

  public static ValidationSplit of(ImageDataset ds, int count, long seed) {
    int size = ds.size();
    if (count <= 0 || count >= size) {
      throw new IllegalArgumentException("validation count must be in [1, " + (size - 1) + "], was " + count);
    }
    int[] perm = new int[size];
    for (int i = 0; i < size; i++) {
      perm[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, 0x7A11DA7EL));
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(size - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] val = Arrays.copyOf(perm, count);
    int[] rest = Arrays.copyOfRange(perm, count, size);
    Arrays.sort(val);
    Arrays.sort(rest);
    return new ValidationSplit(new SubsetDataset(ds, rest, ds.name() + "[train minus " + count + " validation]"),
        new SubsetDataset(ds, val, ds.name() + "[validation " + count + ", seed " + seed + "]"));
  }
}
