package io.deepreshape.train.data;

/**
 * A labelled image dataset held compactly in memory as unsigned bytes, channel-major (CHW) per image.
 * Implementations are immutable and safe to read from several threads.
 */
public interface ImageDataset {
  /** Short human-readable name, e.g. {@code cifar100/train}. */
  String name();

  int size();

  int channels();

  int height();

  int width();

  int classes();

  /** Label of image {@code index}, in {@code [0, classes)}. */
  int label(int index);

  /**
   * Copies image {@code index} (channels*height*width bytes, CHW, values 0..255 as unsigned bytes)
   * into {@code dst} starting at {@code offset}.
   */
  void copyImage(int index, byte[] dst, int offset);

  default int imageBytes() {
    return channels() * height() * width();
  }
}
