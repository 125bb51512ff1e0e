package io.deepreshape.graph;

import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluMode;

/**
 * The garbled-circuit work of some nonlinear layers as the engine plans it (PI-ENGINE.md section 2),
 * over {@code l}-bit shares with {@code s} fractional bits: a ReLU circuit per kept element, an
 * identity (truncation) circuit per element without a ReLU (a culled position or a {@link
 * TruncationNode}), for {@code reuse:r} one reuse circuit per group of up to {@code r} channels at a
 * position (a group of one is a ReLU circuit), and a max-pool circuit per window.
 *
 * @param relus ReLU comparisons (kept elements, and one per reuse group)
 * @param reluElements elements of ReLU circuits (one each) and of reuse circuits of two or more
 * @param reuseGroups reuse circuits of two or more elements
 * @param truncations identity circuits: elements truncated without a ReLU
 * @param truncationNodeElements the part of {@code truncations} at {@link TruncationNode}s
 * @param poolWindows max-pool circuits (one per output)
 * @param poolInputs elements the max-pool windows read, summed
 */
public record GarbledCounts(long relus, long reluElements, long reuseGroups, long truncations,
    long truncationNodeElements, long poolWindows, long poolInputs) {
  public static final GarbledCounts ZERO = new GarbledCounts(0, 0, 0, 0, 0, 0, 0);

  /** The circuits of one ReLU layer. */
  public static GarbledCounts of(ReluLayer r) {
    long positions = (long) r.height() * r.width();
    if (r.mode() instanceof ReluMode.Reuse reuse) {
      int g = reuse.groupSize();
      long full = r.channels() / g;
      int rest = r.channels() % g;
      long groups = (full + (rest > 0 ? 1 : 0)) * positions;
      long singles = (g == 1 ? full : 0) + (rest == 1 ? 1 : 0);
      return new GarbledCounts(groups, r.elements(), groups - singles * positions, 0, 0, 0, 0);
    }
    long kept = r.relus();
    return new GarbledCounts(kept, kept, 0, r.elements() - kept, 0, 0, 0);
  }

  public GarbledCounts plus(GarbledCounts o) {
    return new GarbledCounts(relus + o.relus, reluElements + o.reluElements, reuseGroups + o.reuseGroups,
        truncations + o.truncations, truncationNodeElements + o.truncationNodeElements, poolWindows + o.poolWindows,
        poolInputs + o.poolInputs);
  }

  /** Max-pool comparisons: each window of k elements compares k - 1 times. */
  public long poolComparisons() {
    return poolInputs - poolWindows;
  }

  /** Garbled elements (circuit inputs per share) of every kind. */
  public long elements() {
    return reluElements + truncations + poolInputs;
  }

  /** Oblivious transfers: one per bit of the client's share of every circuit input. */
  public long ots(int l) {
    return l * elements();
  }

  /**
   * AND gates (ReluCircuits): an l-bit adder costs {@code l - 1}, ReLU {@code 3(l-1) - s}, identity
   * {@code 2(l-1)}, reuse of {@code r} {@code 2r(l-1) + l-1-s + (r-1)(l-s)} (a follower's select ANDs
   * its shifted word's l-s distinct bits), max-pool of {@code k}
   * {@code k(l-1) + 2l(k-1) + l-1}.
   */
  public long andGates(int l, int s) {
    long add = l - 1;
    long reluCircuits = reluElements - reuseElements();
    long reuse = reuseElements() * 2 * add + reuseGroups * (add - s) + (reuseElements() - reuseGroups) * (l - s);
    return reluCircuits * (3 * add - s) + truncations * 2 * add + reuse
        + poolInputs * add + 2L * l * poolComparisons() + poolWindows * add;
  }

  /** Elements in reuse circuits of two or more (every element of a reuse layer but its single groups). */
  private long reuseElements() {
    return reluElements - (relus - reuseGroups);
  }
}
