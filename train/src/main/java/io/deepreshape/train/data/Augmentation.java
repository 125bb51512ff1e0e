package io.deepreshape.train.data;

import java.util.Locale;

/**
 * Training-time augmentation: random crop after zero padding of {@code padding} pixels on each
 * side (0 = no crop) and, if {@code flip}, a random horizontal flip with probability 1/2.
 */
public record Augmentation(int padding, boolean flip) {
  /** No augmentation. */
  public static final Augmentation NONE = new Augmentation(0, false);
  /** The spec's default recipe: 4-pixel padding crop and horizontal flip. */
  public static final Augmentation STANDARD = new Augmentation(4, true);

  public Augmentation {
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
  }

  /**
   * The default for a dataset name: {@link #STANDARD} for CIFAR, TinyImageNet and Fashion-MNIST;
   * crop without flip for {@code synthetic} (a flip would turn one class's stripes into
   * another's).
   */
  public static Augmentation defaults(String dataset) {
    return "synthetic".equals(dataset.toLowerCase(Locale.ROOT))
        ? new Augmentation(4, false)
        : STANDARD;
  }

  public Augmentation withPadding(int newPadding) {
    return new Augmentation(newPadding, flip);
  }

  public Augmentation withFlip(boolean newFlip) {
    return new Augmentation(padding, newFlip);
  }
}
