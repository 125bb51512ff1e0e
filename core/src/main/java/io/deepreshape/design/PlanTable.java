package io.deepreshape.design;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.LayerKind;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-stage, per-operator ReLUs and latency of one network, so a whole reduction plan is evaluated by
 * addition. Exact: an operator on stage s changes only stage s's ReLU rows, and the latency model is a
 * sum over layer rows (DEEPRESHAPE.md section 7), so plan latency = rest + stem + sum of stage parts.
 */
final class PlanTable {
  /** The ReLUs of an operator a stage cannot take: more than any budget, even summed over every stage. */
  static final long INAPPLICABLE = Long.MAX_VALUE / 1024;
  final NetworkSpec spec;
  final long restRelus;
  final double restLatency;
  final long stemRelus;
  final double stemLatency;
  final long[][] relus;
  final double[][] latency;

  private PlanTable(NetworkSpec spec, long restRelus, double restLatency, long stemRelus, double stemLatency,
      long[][] relus, double[][] latency) {
    this.spec = spec;
    this.restRelus = restRelus;
    this.restLatency = restLatency;
    this.stemRelus = stemRelus;
    this.stemLatency = stemLatency;
    this.relus = relus;
    this.latency = latency;
  }

  static PlanTable of(NetworkSpec full, List<StageOp> ops, Profile profile, NetworkSetting net) {
    int d = full.depth();
    NetworkGraph graph = NetworkGraph.of(full);
    long[][] relus = new long[d][ops.size()];
    double[][] latency = new double[d][ops.size()];
    for (int s = 1; s <= d; s++) {
      for (int o = 0; o < ops.size(); o++) {
        NetworkSpec reduced;
        try {
          reduced = ops.get(o).apply(full, s);
        } catch (SpecException notApplicable) {
          // e.g. reuse:4 on a stage of fewer than 4 channels: no plan may use this operator here
          relus[s - 1][o] = INAPPLICABLE;
          latency[s - 1][o] = Double.POSITIVE_INFINITY;
          continue;
        }
        List<LayerCost> rows = stageReluRows(graph, reduced, s);
        relus[s - 1][o] = rows.stream().mapToLong(LayerCost::relus).sum();
        latency[s - 1][o] = LatencyModel.estimate(null, rows, profile, net).totalS();
      }
    }
    NetworkCost base = Accounting.of(graph);
    List<LayerCost> stem = new ArrayList<>();
    List<LayerCost> rest = new ArrayList<>();
    for (LayerCost l : base.layers()) {
      if (l.kind() == LayerKind.RELU && l.name().equals("stem")) {
        stem.add(l);
      } else if (!(l.kind() == LayerKind.RELU && l.name().startsWith("s"))) {
        rest.add(l);
      }
    }
    return new PlanTable(full, rest.stream().mapToLong(LayerCost::relus).sum(),
        LatencyModel.estimate(base, rest, profile, net).totalS(), stem.stream().mapToLong(LayerCost::relus).sum(),
        LatencyModel.estimate(base, stem, profile, net).totalS(), relus, latency);
  }

  /**
   * The ReLU rows of stage s's blocks with the modes {@code reduced} gives them: the graph's ReLU
   * geometry with the new mode, counted by {@link ReluLayer} and shaped as the accounting's ReLU rows.
   * (Operators change only ReLU modes, never shapes, so one graph serves every plan; {@link
   * BudgetDesign} re-accounts each returned candidate and checks the count.)
   */
  private static List<LayerCost> stageReluRows(NetworkGraph graph, NetworkSpec reduced, int s) {
    List<LayerCost> rows = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (n instanceof ReluNode r && n.stage() == s) {
        ReluLayer l = r.layer();
        ReluLayer m = new ReluLayer(l.address(), reduced.reluMode(l.address()), l.stage(), l.channels(), l.height(),
            l.width());
        rows.add(new LayerCost(n.address(), LayerKind.RELU, l.stage(), m.relus(), m.muxes(), 0, 0, 0,
            m.elements(), 0, new ReluNode(r.id(), r.block(), r.input(), m)));
      }
    }
    return rows;
  }
}
