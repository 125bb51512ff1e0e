package io.deepreshape.pi.quant;

import io.deepreshape.spec.ReluMode;

/**
 * The nonlinear layer closing a step: truncation by {@code 2^s} and, per the ReLU mode, a ReLU
 * (DEEPRESHAPE.md section 2 modes; identity truncates only). Elements are indexed {@code c*H*W +
 * p}.
 *
 * @param name the ReLU address, or the address of a {@link io.deepreshape.graph.TruncationNode}
 *     (ending in {@code .trunc}: the WideResNet stem and residual sums, which no ReLU follows)
 * @param mode how the layer is evaluated
 * @param channels C
 * @param height H
 * @param width W
 */
public record ActLayer(String name, ReluMode mode, int channels, int height, int width) {
  /** C*H*W. */
  public int elements() {
    return channels * height * width;
  }

  /** Whether channel {@code c} keeps its ReLU (full and partial modes; reuse has groups). */
  public boolean keeps(int c) {
    if (mode instanceof ReluMode.Full) {
      return true;
    }
    if (mode instanceof ReluMode.PartialFraction p) {
      return c < p.keptChannels(channels);
    }
    if (mode instanceof ReluMode.PartialChannels p) {
      return p.channels().get(c);
    }
    return false;
  }

  /** The reuse group size, or 0 when the mode is not reuse. */
  public int reuseGroup() {
    return mode instanceof ReluMode.Reuse r ? r.groupSize() : 0;
  }
}
