package io.deepreshape.layout;

/**
 * A 2-D convolution with its input and output geometry, with a per-channel bias or without (the spec's
 * networks have none; an imported one may), in {@code groups} groups: output channel o reads only the
 * {@code inChannels / groups} input channels of its group (ONNX's and PyTorch's {@code group}; a
 * depthwise convolution has {@code groups == inChannels}). The spec's networks have one group.
 */
public record ConvLayer(
    String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
    int inHeight, int inWidth, int outHeight, int outWidth, boolean bias, int groups) {

  public ConvLayer {
    if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException("convolution " + name + ": " + groups + " groups do not divide its "
          + inChannels + " input and " + outChannels + " output channels");
    }
  }

  /** A convolution of one group. */
  public ConvLayer(String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
      int inHeight, int inWidth, int outHeight, int outWidth, boolean bias) {
    this(name, stage, inChannels, outChannels, kernel, stride, padding, inHeight, inWidth, outHeight, outWidth, bias,
        1);
  }

  /** A bias-free convolution of one group. */
  public ConvLayer(String name, int stage, int inChannels, int outChannels, int kernel, int stride, int padding,
      int inHeight, int inWidth, int outHeight, int outWidth) {
    this(name, stage, inChannels, outChannels, kernel, stride, padding, inHeight, inWidth, outHeight, outWidth,
        false);
  }

  /** Multiply-accumulates: C_in / groups * C_out * k * k * H_out * W_out (a bias adds no multiplication). */
  public long macs() {
    return weights() * outHeight * outWidth;
  }

  /** Kernel weights, {@code [C_out][C_in / groups][k][k]}: C_in / groups * C_out * k * k. */
  public long weights() {
    return (long) inChannels / groups * outChannels * kernel * kernel;
  }

  /** Input channels each output channel reads: C_in / groups. */
  public int groupInChannels() {
    return inChannels / groups;
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
