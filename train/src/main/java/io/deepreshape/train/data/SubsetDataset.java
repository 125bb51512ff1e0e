package io.deepreshape.train.data;

/**
 * A view of some images of another dataset, in the order of an index array; makes no copy of
 * the pixels.
 */
public final class SubsetDataset implements ImageDataset {
  private final ImageDataset base;
  private final int[] indices;
  private final String name;

  /** A view of {@code base} holding images {@code indices} (each in range), named {@code name}. */
  public SubsetDataset(ImageDataset base, int[] indices, String name) {
    for (int i : indices) {
      if (i < 0 || i >= base.size()) {
        throw new IllegalArgumentException(
            "index " + i + " out of range for " + base.name() + " of " + base.size() + " images");
      }
    }
    this.base = base;
    this.indices = indices.clone();
    this.name = name;
  }

  /** Index in the base dataset of image {@code index} of this view. */
  public int baseIndex(int index) {
    return indices[index];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int channels() {
    return base.channels();
  }

  @Override
  public int height() {
    return base.height();
  }

  @Override
  public int width() {
    return base.width();
  }

  @Override
  public int classes() {
    return base.classes();
  }

  @Override
  public int label(int index) {
    return base.label(indices[index]);
  }

  @Override
  public void copyImage(int index, byte[] dst, int offset) {
    base.copyImage(indices[index], dst, offset);
  }
}
