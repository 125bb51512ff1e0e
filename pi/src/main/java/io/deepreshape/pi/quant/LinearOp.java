package io.deepreshape.pi.quant;

import io.deepreshape.pi.he.ConvShape;

/**
 * One linear layer of the protocol (PI-ENGINE.md section 2): a convolution with its batch norm
 * folded in (a per-channel affine batch norm is a 1x1 convolution with a diagonal kernel) or the
 * classifier with average pooling folded into its weights. It reads tensor {@code input} (0 is the
 * image, {@code i + 1} the output of step {@code i}) at scale {@code 2^s} and writes an output at
 * scale {@code 2^{2s}} with a per-channel bias.
 *
 * @param id index over all linear layers of the network, in execution order
 * @param name layer name (the graph's node address: a convolution, a batch norm or {@code head.fc})
 * @param input tensor read
 * @param conv the convolution shape, or null for the classifier
 * @param inFeatures classifier inputs (C*H*W, pooling folded), 0 for a convolution
 * @param outFeatures classifier outputs (classes), 0 for a convolution
 */
public record LinearOp(int id, String name, int input, ConvShape conv, int inFeatures,
    int outFeatures) {
  /** Whether this is a convolution (else the classifier). */
  public boolean isConv() {
    return conv != null;
  }

  /** Elements read. */
  public int inElements() {
    return isConv() ? conv.channels() * conv.height() * conv.width() : inFeatures;
  }

  /** Elements written. */
  public int outElements() {
    return isConv() ? conv.kernels() * conv.outHeight() * conv.outWidth() : outFeatures;
  }

  /** Output channels (the bias length). */
  public int outChannels() {
    return isConv() ? conv.kernels() : outFeatures;
  }

  /** Elements per output channel sharing one bias. */
  public int outPlane() {
    return isConv() ? conv.outHeight() * conv.outWidth() : 1;
  }

  /** Weights: {@code M*C*k*k} or {@code out*in}. */
  public int weightCount() {
    return isConv()
        ? conv.kernels() * conv.channels() * conv.kernel() * conv.kernel()
        : inFeatures * outFeatures;
  }

  /** Multiply-accumulates of one evaluation. */
  public long macs() {
    return isConv()
        ? (long) outElements() * conv.channels() * conv.kernel() * conv.kernel()
        : (long) inFeatures * outFeatures;
  }
}
