package io.deepreshape.hybrenet;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.equalization.Equalization;
import io.deepreshape.equalization.EqualizationResult;
import io.deepreshape.scaling.ChannelScaling;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * A HybReNet family, DeepReShape Algorithm 2 step 1 (DEEPRESHAPE.md section 6.1): the base is
 * ReLU-equalized ({@code alpha*, beta*, ...}); members take every {@code m} and every
 * {@code alpha >= alpha*} in the given range, the deeper factors held at their equalized values.
 * {@code members} keeps those whose stage ReLUs still follow the criticality order, with their
 * (total ReLUs, FLOPs) Pareto flags; {@code rejected} lists the others. Members are named
 * {@code hybrenet-m<m>-f<alpha>x<beta>x...}.
 */
public record HybReNetFamily(EqualizationResult equalization, List<FamilyMember> members, List<FamilyMember> rejected) {

  public HybReNetFamily {
    members = List.copyOf(members);
    rejected = List.copyOf(rejected);
  }

  /** Equalizes {@code base} for {@code order} (factors in [1, fMax]), then widens over {@code ms} and alpha* .. alphaMax. */
  public static HybReNetFamily generate(NetworkSpec base, CriticalityOrder order, int fMax, List<Integer> ms,
      int alphaMax) {
    if (ms == null || ms.isEmpty()) {
      throw new SpecException("the HybReNet family needs at least one base width m");
    }
    EqualizationResult eq = Equalization.equalize(base, order, fMax);
    int alphaStar = eq.factors()[0];
    if (alphaMax < alphaStar) {
      throw new SpecException("alpha max must be >= alpha* = " + alphaStar + " (the equalized first factor), was "
          + alphaMax);
    }
    List<FamilyMember> kept = new ArrayList<>();
    List<FamilyMember> rejected = new ArrayList<>();
    for (int m : ms) {
      for (int alpha = alphaStar; alpha <= alphaMax; alpha++) {
        FamilyMember member = member(eq.equalized(), order, m, alpha, eq.factors());
        (member.orderKept() ? kept : rejected).add(member);
      }
    }
    boolean[] front = Pareto.front(kept, FamilyMember::relus, FamilyMember::macs);
    List<FamilyMember> flagged = new ArrayList<>(kept.size());
    for (int i = 0; i < front.length; i++) {
      flagged.add(kept.get(i).withPareto(front[i]));
    }
    return new HybReNetFamily(eq, flagged, rejected);
  }

  private static FamilyMember member(NetworkSpec equalized, CriticalityOrder order, int m, int alpha, int[] eqFactors) {
    int[] f = eqFactors.clone();
    f[0] = alpha;
    NetworkSpec spec = ChannelScaling.withFactors(equalized, m, f);
    spec = spec.withName(ChannelScaling.label("hybrenet", m, f));
    NetworkCost cost = Accounting.of(spec);
    long[] stages = Accounting.stageRelus(spec);
    return new FamilyMember(spec, m, f, stages, cost.relus(), cost.macs(), order.isSatisfiedBy(stages), false);
  }

  /** The members on the Pareto front. */
  public List<FamilyMember> paretoSet() {
    return members.stream().filter(FamilyMember::pareto).toList();
  }
}
