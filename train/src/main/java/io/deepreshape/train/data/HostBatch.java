package io.deepreshape.train.data;

/**
 * One batch on the host, ready to be copied into an NDArray: {@code data} holds {@code size} images
 * as normalised float32 in NCHW order, {@code labels} their classes.
 */
public record HostBatch(float[] data, int[] labels, int size, int channels, int height, int width) {
  public HostBatch {
    if (size < 0 || labels.length < size || data.length < (long) size * channels * height * width) {
      throw new IllegalArgumentException("batch arrays too small for size " + size);
    }
  }

  public long[] shape() {
    return new long[] {size, channels, height, width};
  }
}
