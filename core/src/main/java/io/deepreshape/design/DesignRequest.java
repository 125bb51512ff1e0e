package io.deepreshape.design;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BudgetDesign} searches: the base (input, stem, block, stage depths), the criticality
 * order, the ReLU budget, an optional FLOP ceiling ({@code macsMax <= 0}: none), the least share of
 * the budget a candidate must use ({@code minFill}: a network far under the budget gives away
 * accuracy for nothing), how many candidates to return ({@code top}) and at most how many per family
 * member ({@code perMember}, 0 = no limit), the family grid ({@code ms}, {@code alphaMax}, {@code fMax}),
 * the operators tried per stage and the latency profile.
 */
public record DesignRequest(NetworkSpec base, CriticalityOrder order, long reluBudget, long macsMax, double minFill,
    int top, int perMember, List<Integer> ms, int alphaMax, int fMax, List<StageOp> ops, Profile profile,
    NetworkSetting network) {

  /** Default family widths. */
  public static final List<Integer> DEFAULT_MS = List.of(8, 16, 32, 64);

  public DesignRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(network, "network");
    if (reluBudget < 1) {
      throw new SpecException("--relus must be a positive ReLU budget, was " + reluBudget);
    }
    if (!(minFill >= 0 && minFill <= 1)) {
      throw new SpecException("--min-fill must be in [0, 1], was " + minFill);
    }
    if (top < 1) {
      throw new SpecException("--top must be >= 1, was " + top);
    }
    if (perMember < 0) {
      throw new SpecException("--per-member must be >= 0 (0: no limit), was " + perMember);
    }
    ms = List.copyOf(ms);
    ops = List.copyOf(ops);
    if (ops.isEmpty()) {
      throw new SpecException("at least one stage operator is needed");
    }
  }
}
