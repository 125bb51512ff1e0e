package io.deepreshape.layout;

/** A batch-norm layer over {@code channels} channels of size height x width (2 affine parameters per channel). */
public record BatchNormLayer(String name, int stage, int channels, int height, int width) {
  public long params() {
    return 2L * channels;
  }

  public long elements() {
    return (long) channels * height * width;
  }
}
