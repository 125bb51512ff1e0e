package io.deepreshape.layout;

/** A bias-free 2-D convolution (groups = 1) with its input and output geometry. */
public record ConvLayer(
    String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
    int inHeight, int inWidth, int outHeight, int outWidth) {

  /** Multiply-accumulates: C_in * C_out * k * k * H_out * W_out. */
  public long macs() {
    return (long) inChannels * outChannels * kernel * kernel * outHeight * outWidth;
  }

  /** Weights: C_in * C_out * k * k. */
  public long params() {
    return (long) inChannels * outChannels * kernel * kernel;
  }

  public long outElements() {
    return (long) outChannels * outHeight * outWidth;
  }

  public long inElements() {
    return (long) inChannels * inHeight * inWidth;
  }
}
