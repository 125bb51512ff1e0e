package io.deepreshape.equalization;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.scaling.ChannelScaling;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import java.util.List;

/**
 * ReLU-equalization, DeepReShape Algorithm 1 (DEEPRESHAPE.md section 5). Among integer factor
 * vectors in {@code [1, f_max]^(D-1)} whose stage ReLU counts (stem excluded) are strictly ordered
 * like the criticality order, returns the one with the fewest FLOPs, ties broken lexicographically.
 *
 * <p>Exact branch and bound over the factors in lexicographic order. Stage i's ReLUs depend only on
 * {@code f_1..f_{i-1}}, and ReLUs and FLOPs never fall when a factor grows, so a prefix is cut when
 * (a) two fixed stages are out of order, (b) an unfixed stage that must stay below a fixed one is
 * already too large at its smallest, (c) an unfixed stage that must exceed a fixed one cannot at
 * {@code f_max}, or (d) the FLOPs with every remaining factor 1 already reach the best found. Factor
 * vectors that would make a stage wider than {@link ChannelScaling#MAX_WIDTH} channels are skipped.
 * The base's ReLU modes are ignored (equalization designs the architecture).
 */
public final class Equalization {
  /** Default bound on each factor. */
  public static final int DEFAULT_F_MAX = 8;

  private Equalization() {}

  /** Equalizes {@code base} for {@code order} with factors in [1, fMax]; fails naming the pair that cannot be ordered. */
  public static EqualizationResult equalize(NetworkSpec base, CriticalityOrder order, int fMax) {
    NetworkSpec plain = base.withAllReluFull();
    check(plain, order, fMax);
    int[] best = Search.run(plain, order.stages(), fMax);
    if (best == null) {
      throw infeasible(plain, order, fMax);
    }
    NetworkSpec equalized = ChannelScaling.withFactors(plain, plain.baseWidth(), best);
    NetworkCost before = Accounting.of(plain);
    NetworkCost after = Accounting.of(equalized);
    return new EqualizationResult(base, equalized, order, fMax, best, Accounting.stageRelus(plain),
        Accounting.stageRelus(equalized), before.macs(), after.macs());
  }

  /** Equalizes with {@link #DEFAULT_F_MAX}. */
  public static EqualizationResult equalize(NetworkSpec base, CriticalityOrder order) {
    return equalize(base, order, DEFAULT_F_MAX);
  }

  private static void check(NetworkSpec base, CriticalityOrder order, int fMax) {
    if (fMax < 1) {
      throw new SpecException("f_max must be >= 1, was " + fMax);
    }
    if (base.depth() < 2) {
      throw new SpecException(base.name() + " has one stage: there is nothing to equalize");
    }
    if (order.depth() != base.depth()) {
      throw new SpecException("the criticality order " + order + " has " + order.depth() + " stages but "
          + base.name() + " has " + base.depth());
    }
  }

  /** Finds the first pair of the order that cannot be added to the chain before it and names it. */
  private static SpecException infeasible(NetworkSpec base, CriticalityOrder order, int fMax) {
    List<Integer> s = order.stages();
    for (int j = 1; j < s.size(); j++) {
      if (Search.run(base, s.subList(0, j + 1), fMax) == null) {
        String pair = "S" + s.get(j - 1) + " > S" + s.get(j);
        String context = j == 1 ? "" : " while keeping " + chain(s.subList(0, j));
        return new SpecException("ReLU-equalization of " + base.name() + " is infeasible: cannot order " + pair
            + context + " with channel factors in [1, " + fMax + "] (criticality order " + order
            + "); raise --f-max or change the order");
      }
    }
    return new SpecException("ReLU-equalization of " + base.name() + " is infeasible within f_max = " + fMax);
  }

  private static String chain(List<Integer> stages) {
    StringBuilder sb = new StringBuilder();
    for (int s : stages) {
      sb.append(sb.length() == 0 ? "" : " > ").append('S').append(s);
    }
    return sb.toString();
  }
}
