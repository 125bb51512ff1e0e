package io.deepreshape.design;

import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.spec.NetworkSpec;

/** A designed network: the family member it came from, the reduction plan, the final spec, its cost and latency. */
public record Candidate(String member, ReductionPlan plan, NetworkSpec spec, NetworkCost cost, LatencyEstimate latency) {

  public long relus() {
    return cost.relus();
  }

  public long macs() {
    return cost.macs();
  }

  public Candidate withSpec(NetworkSpec renamed) {
    return new Candidate(member, plan, renamed, cost, latency);
  }
}
