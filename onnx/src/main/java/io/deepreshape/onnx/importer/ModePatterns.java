package io.deepreshape.onnx.importer;

import io.deepreshape.spec.ReluMode;
import java.util.BitSet;

/**
 * The ReLU modes deepreshape's export writes with standard operators, read back: a partial ReLU is
 * {@code Gather(x, kept)}, {@code Relu}, {@code Concat(x, relu)}, {@code Gather(both, merge)}; a
 * {@code reuse:r} layer is {@code Gather(x, representatives)}, {@code Greater(., 0)}, {@code Cast(float)},
 * {@code Gather(sign, group)}, {@code Mul(x, mask)} (all gathers and the concat on the channel axis).
 * Each step is a {@link Step} of the pattern in progress; the last one checks the index tensors
 * describe exactly a channel mask or groups of r consecutive channels and gives the mode.
 */
final class ModePatterns {
  /** What the operators {@link #OPERATORS} are accepted for. */
  static final String ROLE = "the partial-ReLU and ReLU-reuse patterns that deepreshape export writes";
  /** The operators of the patterns, for the supported list. */
  static final String OPERATORS = "Gather, Concat, Greater, Cast, Mul (" + ROLE + ")";

  /** How far a pattern has come: the value a node of it wrote. */
  enum Step {
    /** {@code Gather(x, indices)}: some channels of x. */
    PICKED,
    /** {@code Relu} of the picked channels. */
    PICKED_RELU,
    /** {@code Concat(x, relu(picked))}. */
    JOINED,
    /** {@code Greater(picked, 0)}. */
    POSITIVE,
    /** {@code Cast} of the comparison to float: the 0/1 signs. */
    SIGN,
    /** {@code Gather(sign, group)}: the sign spread over each group's channels. */
    MASK
  }

  private ModePatterns() {}

  /**
   * The partial mode keeping the channels {@code kept} of {@code channels}, checked against {@code merge}
   * (each channel from x, or a kept one from its place among the ReLU outputs after the {@code channels} of x).
   */
  static ReluMode partial(int channels, long[] kept, long[] merge, String where) {
    BitSet bits = new BitSet();
    long last = -1;
    for (long k : kept) {
      if (k <= last || k >= channels) {
        throw new ImportException(where + ": the kept channels " + text(kept) + " are not increasing channels of "
            + channels + " (" + ROLE + ")");
      }
      bits.set((int) k);
      last = k;
    }
    if (merge.length != channels) {
      throw new ImportException(where + ": the merge indices have " + merge.length + " entries for " + channels
          + " channels (" + ROLE + ")");
    }
    int rank = 0;
    for (int i = 0; i < channels; i++) {
      long want = bits.get(i) ? channels + rank++ : i;
      if (merge[i] != want) {
        throw new ImportException(where + ": merge index " + i + " is " + merge[i] + ", expected " + want
            + " (channel " + i + (bits.get(i) ? " through its ReLU" : " as it is") + "; " + ROLE + ")");
      }
    }
    return kept.length == channels ? ReluMode.FULL : new ReluMode.PartialChannels(bits);
  }

  /** The reuse mode whose representatives are channels 0, r, 2r, ... and whose group of channel i is i / r. */
  static ReluMode reuse(int channels, long[] representatives, long[] group, String where) {
    long r = representatives.length > 1 ? representatives[1] : channels;
    boolean ok = r >= 1 && representatives.length == (channels + r - 1) / r && group.length == channels;
    for (int g = 0; ok && g < representatives.length; g++) {
      ok = representatives[g] == g * r;
    }
    for (int i = 0; ok && i < channels; i++) {
      ok = group[i] == i / r;
    }
    if (!ok) {
      throw new ImportException(where + ": representatives " + text(representatives) + " and groups " + text(group)
          + " are not groups of r consecutive channels of " + channels + " (" + ROLE + ")");
    }
    return r == 1 ? ReluMode.FULL : new ReluMode.Reuse((int) r);
  }

  private static String text(long[] v) {
    if (v.length <= 8) {
      return java.util.Arrays.toString(v);
    }
    return java.util.Arrays.toString(java.util.Arrays.copyOf(v, 8)).replace("]", ", ...]");
  }
}
