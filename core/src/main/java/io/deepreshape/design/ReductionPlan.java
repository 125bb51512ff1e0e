package io.deepreshape.design;

import io.deepreshape.reduction.Reductions;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** Which operator each stage gets ({@code ops.get(s-1)} for stage s) and whether the stem ReLU is culled. */
public record ReductionPlan(boolean cullStem, List<StageOp> ops) {
  public ReductionPlan {
    ops = List.copyOf(ops);
  }

  /** The plan applied to {@code spec} (whose ReLUs are all full). */
  public NetworkSpec apply(NetworkSpec spec) {
    NetworkSpec out = cullStem ? Reductions.cullStem(spec) : spec;
    for (int s = 1; s <= ops.size(); s++) {
      out = ops.get(s - 1).apply(out, s);
    }
    return out;
  }

  /** {@code "stem:cull S1:cull S2:thin S4:reuse:2"}: the non-full parts, or {@code "none"}. */
  public String label() {
    List<String> parts = new ArrayList<>();
    if (cullStem) {
      parts.add("stem:cull");
    }
    for (int s = 1; s <= ops.size(); s++) {
      if (ops.get(s - 1) != StageOp.FULL) {
        parts.add("S" + s + ":" + ops.get(s - 1).key());
      }
    }
    return parts.isEmpty() ? "none" : String.join(" ", parts);
  }
}
