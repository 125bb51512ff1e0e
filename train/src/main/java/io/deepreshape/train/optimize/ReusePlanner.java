package io.deepreshape.train.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.error.UserInputException;
import io.deepreshape.reduction.Reductions;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a ReLU-reuse reduction for a budget (DEEPRESHAPE.md section 6.3: a {@code reuse:r} layer
 * evaluates the sign on one channel of every r and applies it to the group). Group sizes are tried
 * from 2 upwards in powers of two; for each, reuse covers the least critical stage, then the two least
 * critical, and so on, then the stem as well. The first (smallest r, then fewest stages) network at or
 * under the budget is the plan: the smallest approximation that meets it.
 */
public final class ReusePlanner {
  private ReusePlanner() {}

  /**
   * The plan for {@code spec} at {@code budget} ReLUs.
   *
   * @throws IllegalArgumentException when reuse with one group per layer everywhere still exceeds the budget
   */
  public static ReusePlan plan(NetworkSpec spec, CriticalityOrder order, long budget) {
    if (order.depth() != spec.depth()) {
      throw new UserInputException("the criticality order has " + order.depth() + " stages but "
          + spec.name() + " has " + spec.depth());
    }
    long base = Accounting.of(spec).relus();
    if (base <= budget) {
      return new ReusePlan(0, List.of(), false, spec, base);
    }
    List<Integer> least = order.leastCriticalFirst();
    int widest = widestLayer(spec);
    for (int r = 2; r / 2 < widest; r *= 2) {
      for (int k = 1; k <= least.size(); k++) {
        ReusePlan p = candidate(spec, least.subList(0, k), false, r);
        if (p.relus() <= budget) {
          return p;
        }
      }
      if (spec.hasRelu(ReluAddress.STEM)) {
        ReusePlan p = candidate(spec, least, true, r);
        if (p.relus() <= budget) {
          return p;
        }
      }
    }
    long floor = candidate(spec, least, spec.hasRelu(ReluAddress.STEM), widest).relus();
    throw new UserInputException("ReLU-reuse cannot bring " + spec.name() + " to " + budget
        + " ReLUs: one sign per layer and position everywhere still needs " + floor
        + "; use --method deepreduce or snl, or a larger budget");
  }

  /** Reuse with group size {@code r} (capped at each layer's channels) on the live layers of {@code stages}. */
  static ReusePlan candidate(NetworkSpec spec, List<Integer> stages, boolean stem, int r) {
    List<ReluAddress> layers = new ArrayList<>();
    for (int s : stages) {
      layers.addAll(Reductions.liveAddresses(spec, s));
    }
    if (stem && !(spec.reluMode(ReluAddress.STEM) instanceof ReluMode.Identity)) {
      layers.add(ReluAddress.STEM);
    }
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    for (ReluAddress a : layers) {
      int group = Math.min(r, spec.reluChannels(a));
      if (group >= 2) {
        modes.put(a, new ReluMode.Reuse(group));
      }
    }
    NetworkSpec reduced = spec.withReluModes(modes);
    return new ReusePlan(r, stages, stem, reduced, Accounting.of(reduced).relus());
  }

  private static int widestLayer(NetworkSpec spec) {
    int widest = spec.hasRelu(ReluAddress.STEM) ? spec.reluChannels(ReluAddress.STEM) : 1;
    for (int s = 1; s <= spec.depth(); s++) {
      for (ReluAddress a : Reductions.stageAddresses(spec, s)) {
        widest = Math.max(widest, spec.reluChannels(a));
      }
    }
    return widest;
  }
}
