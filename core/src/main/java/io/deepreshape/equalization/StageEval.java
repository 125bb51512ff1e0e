package io.deepreshape.equalization;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.scaling.ChannelScaling;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;

/** Stage ReLUs (S1..SD, stem excluded) and total FLOPs of the base scaled to some factors; null if too wide. */
record StageEval(long[] stageRelus, long flops) {

  static StageEval of(NetworkSpec base, int[] factors) {
    NetworkSpec spec;
    try {
      spec = ChannelScaling.withFactors(base, base.baseWidth(), factors);
    } catch (SpecException tooWide) {
      return null;
    }
    NetworkCost cost = Accounting.of(spec);
    long[] r = new long[spec.depth()];
    for (int s = 1; s <= r.length; s++) {
      r[s - 1] = cost.stageRelus(s);
    }
    return new StageEval(r, cost.flops());
  }
}
