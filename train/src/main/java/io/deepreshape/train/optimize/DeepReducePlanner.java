package io.deepreshape.train.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.reduction.GraphReductions;
import io.deepreshape.spec.NetworkSpec;
import java.util.List;

/**
 * DeepReDuce's coarse-grained ReLU reduction (Jha et al., ICML 2021; DEEPRESHAPE.md section 6.2):
 * cull the {@code c} least critical stages, then thin the {@code t} least critical of the remaining
 * ones, with or without culling the stem ReLU. Among every such plan whose network is at or under the
 * budget, the plan keeps the most ReLUs (the least destructive reduction); ties go to fewer operators
 * (culling the stem counts as one), then keeping the stem, then fewer culls. It plans on a network
 * graph's stages ({@link GraphReductions}), a spec's or an imported network's alike.
 */
public final class DeepReducePlanner {
  private DeepReducePlanner() {}

  /**
   * The plan for {@code spec} at {@code budget} ReLUs.
   *
   * @throws IllegalArgumentException when even culling every stage and the stem leaves more than the budget
   */
  public static DeepReducePlan plan(NetworkSpec spec, CriticalityOrder order, long budget) {
    return plan(NetworkGraph.of(spec), order, budget);
  }

  /** As {@link #plan(NetworkSpec, CriticalityOrder, long)} for any graph. */
  public static DeepReducePlan plan(NetworkGraph graph, CriticalityOrder order, long budget) {
    if (order.depth() != graph.depth()) {
      throw new UserInputException("the criticality order has " + order.depth() + " stages but "
          + graph.name() + " has " + graph.depth());
    }
    boolean stem = GraphReductions.stemLayer(graph) != null;
    DeepReducePlan best = search(graph, order, budget, false);
    if (stem) {
      DeepReducePlan stemCulled = search(graph, order, budget, true);
      if (stemCulled != null && (best == null || better(stemCulled, best))) {
        best = stemCulled;
      }
    }
    if (best == null) {
      long floor = Accounting.of(apply(graph, order.leastCriticalFirst(), List.of(), stem)).relus();
      throw new UserInputException("culling and thinning cannot bring " + graph.name() + " to " + budget
          + " ReLUs: culling every stage and the stem leaves " + floor);
    }
    return best;
  }

  private static DeepReducePlan search(NetworkGraph graph, CriticalityOrder order, long budget, boolean cullStem) {
    List<Integer> least = order.leastCriticalFirst();
    DeepReducePlan best = null;
    for (int c = 0; c <= least.size(); c++) {
      List<Integer> culled = least.subList(0, c);
      List<Integer> rest = least.subList(c, least.size());
      for (int t = 0; t <= rest.size(); t++) {
        List<Integer> thinned = rest.subList(0, t);
        NetworkGraph reduced = apply(graph, culled, thinned, cullStem);
        long relus = Accounting.of(reduced).relus();
        DeepReducePlan plan = new DeepReducePlan(culled, thinned, cullStem, reduced, relus);
        if (relus <= budget && (best == null || better(plan, best))) {
          best = plan;
        }
      }
    }
    return best;
  }

  /** More ReLUs; then fewer operators (a culled stem is one); then the stem kept; then fewer culls. */
  private static boolean better(DeepReducePlan a, DeepReducePlan b) {
    if (a.relus() != b.relus()) {
      return a.relus() > b.relus();
    }
    int opsA = operators(a);
    int opsB = operators(b);
    if (opsA != opsB) {
      return opsA < opsB;
    }
    if (a.stemCulled() != b.stemCulled()) {
      return !a.stemCulled();
    }
    return a.culled().size() < b.culled().size();
  }

  private static int operators(DeepReducePlan p) {
    return p.culled().size() + p.thinned().size() + (p.stemCulled() ? 1 : 0);
  }

  /** {@code graph} with the given stages culled, then the given stages thinned, and the stem culled if asked. */
  static NetworkGraph apply(NetworkGraph graph, List<Integer> culled, List<Integer> thinned, boolean cullStem) {
    NetworkGraph out = cullStem ? GraphReductions.cullStem(graph) : graph;
    for (int s : culled) {
      out = GraphReductions.cull(out, s);
    }
    for (int s : thinned) {
      out = GraphReductions.thin(out, s);
    }
    return out;
  }
}
