package io.deepreshape.layout;

/**
 * A 2-D convolution (groups = 1) with its input and output geometry, with a per-channel bias or
 * without (the spec's networks have none; an imported one may).
 */
public record ConvLayer(
    String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
    int inHeight, int inWidth, int outHeight, int outWidth, boolean bias) {

  /** A bias-free convolution. */
  public ConvLayer(String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
      int inHeight, int inWidth, int outHeight, int outWidth) {
    this(name, stage, inChannels, outChannels, kernel, stride, padding, inHeight, inWidth, outHeight, outWidth,
        false);
  }

  /** Multiply-accumulates: C_in * C_out * k * k * H_out * W_out (a bias adds no multiplication). */
  public long macs() {
    return (long) inChannels * outChannels * kernel * kernel * outHeight * outWidth;
  }

  /** Kernel weights: C_in * C_out * k * k. */
  public long weights() {
    return (long) inChannels * outChannels * kernel * kernel;
  }

  /** Parameters: the kernel's weights and, with a bias, C_out more. */
  public long params() {
    return weights() + (bias ? outChannels : 0);
  }

  public long outElements() {
    return (long) outChannels * outHeight * outWidth;
  }

  public long inElements() {
    return (long) inChannels * inHeight * inWidth;
  }
}
