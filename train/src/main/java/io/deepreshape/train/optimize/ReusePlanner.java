package io.deepreshape.train.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.reduction.GraphReductions;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a ReLU-reuse reduction for a budget (DEEPRESHAPE.md section 6.3: a {@code reuse:r} layer
 * evaluates the sign on one channel of every r and applies it to the group). Group sizes are tried
 * from 2 upwards in powers of two; for each, reuse covers the least critical stage, then the two least
 * critical, and so on, then the stem as well. The first (smallest r, then fewest stages) network at or
 * under the budget is the plan: the smallest approximation that meets it. It plans on a network graph's
 * stages, a spec's or an imported network's alike.
 */
public final class ReusePlanner {
  private ReusePlanner() {}

  /**
   * The plan for {@code spec} at {@code budget} ReLUs.
   *
   * @throws IllegalArgumentException when reuse with one group per layer everywhere still exceeds the budget
   */
  public static ReusePlan plan(NetworkSpec spec, CriticalityOrder order, long budget) {
    return plan(NetworkGraph.of(spec), order, budget);
  }

  /** As {@link #plan(NetworkSpec, CriticalityOrder, long)} for any graph. */
  public static ReusePlan plan(NetworkGraph graph, CriticalityOrder order, long budget) {
    if (order.depth() != graph.depth()) {
      throw new UserInputException("the criticality order has " + order.depth() + " stages but "
          + graph.name() + " has " + graph.depth());
    }
    long base = Accounting.of(graph).relus();
    if (base <= budget) {
      return new ReusePlan(0, List.of(), false, graph, base);
    }
    List<Integer> least = order.leastCriticalFirst();
    boolean stem = GraphReductions.stemLayer(graph) != null;
    int widest = GraphReductions.widestLayer(graph);
    for (int r = 2; r / 2 < widest; r *= 2) {
      for (int k = 1; k <= least.size(); k++) {
        ReusePlan p = candidate(graph, least.subList(0, k), false, r);
        if (p.relus() <= budget) {
          return p;
        }
      }
      if (stem) {
        ReusePlan p = candidate(graph, least, true, r);
        if (p.relus() <= budget) {
          return p;
        }
      }
    }
    long floor = candidate(graph, least, stem, widest).relus();
    throw new UserInputException("ReLU-reuse cannot bring " + graph.name() + " to " + budget
        + " ReLUs: one sign per layer and position everywhere still needs " + floor
        + "; use --method deepreduce or snl, or a larger budget");
  }

  /** Reuse with group size {@code r} (capped at each layer's channels) on the live layers of {@code stages}. */
  static ReusePlan candidate(NetworkGraph graph, List<Integer> stages, boolean stem, int r) {
    List<ReluLayer> layers = new ArrayList<>();
    for (int s : stages) {
      layers.addAll(GraphReductions.liveLayers(graph, s));
    }
    ReluLayer stemLayer = GraphReductions.stemLayer(graph);
    if (stem && stemLayer != null && !(stemLayer.mode() instanceof ReluMode.Identity)) {
      layers.add(stemLayer);
    }
    NetworkGraph reduced = GraphReductions.reuse(graph, layers, r);
    return new ReusePlan(r, stages, stem, reduced, Accounting.of(reduced).relus());
  }
}
