package io.deepreshape.design;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ReLU-budget design, DeepReShape Algorithm 2 (DEEPRESHAPE.md section 6): every HybReNet family
 * member within the FLOP ceiling, under every reduction plan (one {@link StageOp} per stage, the stem
 * ReLU kept or culled; the most critical stage is never culled), whose ReLUs lie in
 * {@code [minFill * budget, budget]}; ranked by estimated PI latency (then more ReLUs first, then
 * name), at most {@code perMember} per family member, the first {@code top} returned with exact
 * accounting. The baseline search allows culling and thinning only.
 */
public final class BudgetDesign {
  private BudgetDesign() {}

  private record Scored(int member, ReductionPlan plan, long relus, double latency) {}

  /** Runs the design; {@code baseline} may be null. */
  public static DesignResult run(DesignRequest req, NetworkSpec baseline) {
    HybReNetFamily family = HybReNetFamily.generate(req.base(), req.order(), req.fMax(), req.ms(), req.alphaMax());
    List<NetworkSpec> members = new ArrayList<>();
    for (FamilyMember m : family.members()) {
      if (req.macsMax() <= 0 || m.macs() <= req.macsMax()) {
        members.add(m.spec());
      }
    }
    long[] counts = new long[2];
    List<Candidate> ranked = search(members, req, req.ops(), req.perMember(), req.top(), counts, "design-");
    List<Candidate> base = List.of();
    if (baseline != null) {
      List<StageOp> ops = req.ops().stream().filter(StageOp::cullOrThinOnly).toList();
      base = search(List.of(baseline.withAllReluFull()), req, ops.isEmpty() ? List.of(StageOp.FULL) : ops, 0,
          Math.min(3, req.top()), new long[2], "baseline-");
    }
    return new DesignResult(ranked, counts[0], counts[1], baseline == null ? null : baseline.name(), base);
  }

  private static List<Candidate> search(List<NetworkSpec> members, DesignRequest req, List<StageOp> ops,
      int perMember, int top, long[] counts, String prefix) {
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      PlanTable t = PlanTable.of(members.get(i), ops, req.profile(), req.network());
      enumerate(t, i, ops, req, scored, counts);
    }
    scored.sort(Comparator.comparingDouble(Scored::latency).thenComparing(Comparator.comparingLong(Scored::relus)
        .reversed()).thenComparing(s -> members.get(s.member()).name()).thenComparing(s -> s.plan().label()));
    Map<Integer, Integer> perMemberCount = new HashMap<>();
    List<Candidate> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() >= top) {
        break;
      }
      int used = perMemberCount.merge(s.member(), 1, Integer::sum);
      if (perMember > 0 && used > perMember) {
        continue;
      }
      out.add(materialize(members.get(s.member()), s, req, prefix + String.format("%02d", out.size() + 1)));
    }
    return out;
  }

  private static void enumerate(PlanTable t, int member, List<StageOp> ops, DesignRequest req, List<Scored> out,
      long[] counts) {
    int d = t.spec.depth();
    int mostCritical = req.order().stages().get(0) - 1;
    long low = (long) Math.ceil(req.minFill() * req.reluBudget());
    boolean hasStem = t.spec.hasRelu(ReluAddress.STEM);
    int[] idx = new int[d];
    long total = (long) Math.pow(ops.size(), d);
    for (long code = 0; code < total; code++) {
      decode(code, ops.size(), idx);
      if (ops.get(idx[mostCritical]) == StageOp.CULL) {
        continue;
      }
      long relus = t.restRelus;
      double lat = t.restLatency;
      for (int s = 0; s < d; s++) {
        relus += t.relus[s][idx[s]];
        lat += t.latency[s][idx[s]];
      }
      for (int stem = 0; stem < (hasStem ? 2 : 1); stem++) {
        boolean cullStem = stem == 1;
        long r = relus + (cullStem ? 0 : t.stemRelus);
        counts[0]++;
        if (r <= req.reluBudget() && r >= low) {
          counts[1]++;
          out.add(new Scored(member, new ReductionPlan(cullStem,
              java.util.Arrays.stream(idx).mapToObj(ops::get).toList()), r, lat + (cullStem ? 0 : t.stemLatency)));
        }
      }
    }
  }

  /** Writes {@code code} in base {@code radix} into {@code digits}, most significant first (lexicographic plans). */
  private static void decode(long code, int radix, int[] digits) {
    long c = code;
    for (int s = digits.length - 1; s >= 0; s--) {
      digits[s] = (int) (c % radix);
      c /= radix;
    }
  }

  private static Candidate materialize(NetworkSpec member, Scored s, DesignRequest req, String name) {
    NetworkSpec spec = s.plan().apply(member).withName(name + "-" + member.name());
    NetworkCost cost = Accounting.of(spec);
    if (cost.relus() != s.relus()) {
      throw new IllegalStateException("plan table and accounting disagree for " + spec.name() + ": " + s.relus()
          + " vs " + cost.relus());
    }
    return new Candidate(member.name(), s.plan(), spec, cost, LatencyModel.estimate(cost, req.profile(),
        req.network()));
  }
}
