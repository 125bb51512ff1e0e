package io.deepreshape.train.data;

import java.util.Objects;

/**
 * An {@link ImageDataset} held as one byte array of CHW pixels (image after image) and one byte
 * array of labels. The arrays are owned by the instance and never handed out.
 */
public final class ByteImageDataset implements ImageDataset {
  private final String name;
  private final int channels;
  private final int height;
  private final int width;
  private final int classes;
  private final byte[] pixels;
  private final byte[] labels;

  /**
   * Wraps {@code pixels} ({@code labels.length} images of channels*height*width bytes) and
   * {@code labels} (one unsigned byte per image, each below {@code classes}); takes ownership.
   */
  public ByteImageDataset(
      String name, int channels, int height, int width, int classes, byte[] pixels, byte[] labels) {
    this.name = Objects.requireNonNull(name, "name");
    if (channels <= 0 || height <= 0 || width <= 0 || classes <= 0 || classes > 256) {
      throw new IllegalArgumentException(
          "bad shape for " + name + ": " + channels + "x" + height + "x" + width + ", " + classes
              + " classes");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          name + ": " + pixels.length + " pixel bytes for " + labels.length + " images, expected "
              + expected);
    }
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xff) >= classes) {
        throw new IllegalArgumentException(
            name + ": label " + (labels[i] & 0xff) + " of image " + i + " is not below " + classes);
      }
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classes = classes;
    this.pixels = pixels;
    this.labels = labels;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public int label(int index) {
    return labels[index] & 0xff;
  }

  @Override
  public void copyImage(int index, byte[] dst, int offset) {
    int n = channels * height * width;
    System.arraycopy(pixels, index * n, dst, offset, n);
  }

  @Override
  public String toString() {
    return name + " (" + size() + " images, " + channels + "x" + height + "x" + width + ", "
        + classes + " classes)";
  }
}
