package io.deepreshape.hybrenet;

import io.deepreshape.spec.NetworkSpec;

/**
 * One network of a HybReNet family: base width {@code m}, factors, stage ReLUs S1..SD (stem
 * excluded), total ReLUs and FLOPs, whether its stage ReLUs still follow the criticality order, and
 * whether it is on the (ReLUs, FLOPs) Pareto front of the kept members.
 */
public record FamilyMember(NetworkSpec spec, int m, int[] factors, long[] stageRelus, long relus, long macs,
    boolean orderKept, boolean pareto) {

  public FamilyMember {
    factors = factors.clone();
    stageRelus = stageRelus.clone();
  }

  @Override
  public int[] factors() {
    return factors.clone();
  }

  @Override
  public long[] stageRelus() {
    return stageRelus.clone();
  }

  FamilyMember withPareto(boolean p) {
    return new FamilyMember(spec, m, factors, stageRelus, relus, macs, orderKept, p);
  }
}
