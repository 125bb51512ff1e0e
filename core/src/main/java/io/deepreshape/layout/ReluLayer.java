package io.deepreshape.layout;

import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;

/**
 * A ReLU layer at its address with the mode the spec gives it (DEEPRESHAPE.md section 3): identity
 * counts 0, partial counts the kept channels, {@code reuse:r} counts {@code ceil(C/r)} comparisons per
 * position plus {@code C} multiplexers per position, reported apart.
 */
public record ReluLayer(ReluAddress address, ReluMode mode, int stage, int channels, int height, int width) {

  /** Elements entering the layer, C * H * W. */
  public long elements() {
    return (long) channels * height * width;
  }

  /** ReLUs (comparisons, i.e. DReLU evaluations) the mode keeps. */
  public long relus() {
    long positions = (long) height * width;
    if (mode instanceof ReluMode.Full) {
      return channels * positions;
    } else if (mode instanceof ReluMode.Identity) {
      return 0;
    } else if (mode instanceof ReluMode.PartialFraction p) {
      return p.keptChannels(channels) * positions;
    } else if (mode instanceof ReluMode.PartialChannels p) {
      return p.count() * positions;
    } else if (mode instanceof ReluMode.Reuse r) {
      return ((channels + r.groupSize() - 1) / r.groupSize()) * positions;
    }
    throw new IllegalStateException("unknown ReLU mode " + mode);
  }

  /** Multiplexers that apply a reused sign to every channel (0 unless the mode is reuse). */
  public long muxes() {
    return mode instanceof ReluMode.Reuse ? elements() : 0;
  }
}
