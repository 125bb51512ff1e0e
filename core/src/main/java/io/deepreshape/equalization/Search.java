package io.deepreshape.equalization;

import io.deepreshape.spec.NetworkSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The branch and bound behind {@link Equalization}: lexicographic depth-first search over factor
 * vectors with the order and FLOP cuts described there. {@code chain} lists stages whose ReLU counts
 * must be strictly decreasing in that sequence (the whole criticality order, or a prefix of it when
 * diagnosing infeasibility).
 */
final class Search {
  private final NetworkSpec base;
  private final List<Integer> chain;
  private final int fMax;
  private final int d;
  private int[] best;
  private long bestMacs = Long.MAX_VALUE;

  private Search(NetworkSpec base, List<Integer> chain, int fMax) {
    this.base = base;
    this.chain = chain;
    this.fMax = fMax;
    this.d = base.depth();
  }

  /** The FLOP-minimal, then lexicographically smallest, feasible vector, or null. */
  static int[] run(NetworkSpec base, List<Integer> chain, int fMax) {
    Search s = new Search(base, chain, fMax);
    int[] f = new int[s.d - 1];
    Arrays.fill(f, 1);
    s.visit(f, 0);
    return s.best;
  }

  /**
   * Visits the prefix {@code f[0..k-1]} (the rest are 1). Returns true when its FLOPs with the rest at
   * 1 reach the best (after any update), so the caller can stop raising {@code f[k-1]}: FLOPs grow
   * with every factor.
   */
  private boolean visit(int[] f, int k) {
    StageEval low = StageEval.of(base, f);
    if (low == null) {
      return true;
    }
    if (low.macs() >= bestMacs) {
      return true;
    }
    int fixed = k + 1;
    if (!consistent(low.stageRelus(), fixed, f, k)) {
      return false;
    }
    if (k == d - 1) {
      bestMacs = low.macs();
      best = f.clone();
      return true;
    }
    for (int v = 1; v <= fMax; v++) {
      f[k] = v;
      boolean stop = visit(f, k + 1);
      f[k] = 1;
      if (stop) {
        break;
      }
    }
    return false;
  }

  /** Order cuts (a)-(c) for stages 1..fixed, whose ReLUs are final. */
  private boolean consistent(long[] low, int fixed, int[] f, int k) {
    long[] high = null;
    for (int i = 0; i < chain.size(); i++) {
      for (int j = i + 1; j < chain.size(); j++) {
        int a = chain.get(i);
        int b = chain.get(j);
        boolean aFixed = a <= fixed;
        boolean bFixed = b <= fixed;
        if (aFixed && low[a - 1] <= low[b - 1]) {
          return false;
        }
        if (!aFixed && bFixed) {
          if (high == null) {
            high = highRelus(f, k);
          }
          if (high != null && high[a - 1] <= low[b - 1]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Stage ReLUs with every factor from k on at f_max (null if too wide: then cut (c) is skipped). */
  private long[] highRelus(int[] f, int k) {
    int[] g = f.clone();
    for (int i = k; i < g.length; i++) {
      g[i] = fMax;
    }
    StageEval e = StageEval.of(base, g);
    return e == null ? null : e.stageRelus();
  }
}
