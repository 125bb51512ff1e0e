package io.deepreshape.accounting;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts ReLUs, MACs, parameters and activations of a spec exactly (DEEPRESHAPE.md section 3): one
 * row per node of its {@link NetworkGraph} (a flatten and the engine's truncations have none).
 */
public final class Accounting {
  private Accounting() {}

  /** Per-stage and per-layer accounting of {@code spec}. */
  public static NetworkCost of(NetworkSpec spec) {
    return of(NetworkGraph.of(spec));
  }

  /** Per-stage and per-layer accounting of a graph. */
  public static NetworkCost of(NetworkGraph graph) {
    List<Node> nodes = graph.nodes();
    int size = nodes.size();
    List<LayerCost> rows = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      LayerCost row = row(nodes.get(i));
      if (row != null) {
        rows.add(row);
      }
    }
    int d = graph.depth();
    long[] sums = new long[(d + 2) * 6];
    for (int i = 0; i < rows.size(); i++) {
      LayerCost l = rows.get(i);
      int k = l.stage() * 6;
      sums[k] += l.relus();
      sums[k + 1] += l.reuseMuxes();
      sums[k + 2] += l.macs();
      sums[k + 3] += l.params();
      sums[k + 4] += l.activations();
      sums[k + 5] += l.otherOps();
    }
    List<StageCost> stages = new ArrayList<>(d + 2);
    for (int i = 0; i < d + 2; i++) {
      int k = i * 6;
      stages.add(new StageCost(i == 0 ? "stem" : i == d + 1 ? "head" : "S" + i, i, sums[k], sums[k + 1], sums[k + 2],
          sums[k + 3], sums[k + 4], sums[k + 5]));
    }
    return new NetworkCost(graph.name(), stages, rows, graph);
  }

  /** ReLUs of each stage S1..SD (index 0 is S1), stem excluded: the quantity ReLU-equalization orders. */
  public static long[] stageRelus(NetworkSpec spec) {
    return NetworkGraph.of(spec).stageRelus();
  }

  private static LayerCost row(Node n) {
    if (n instanceof ConvNode c) {
      ConvLayer l = c.layer();
      return new LayerCost(l.name(), LayerKind.CONV, l.stage(), 0, 0, l.macs(), l.params(), l.outElements(),
          l.inElements(), 0, n);
    } else if (n instanceof BatchNormNode b) {
      BatchNormLayer l = b.layer();
      return new LayerCost(l.name(), LayerKind.BATCH_NORM, l.stage(), 0, 0, 0, l.params(), 0, l.elements(),
          l.elements(), n);
    } else if (n instanceof ReluNode r) {
      ReluLayer l = r.layer();
      return new LayerCost(r.address(), LayerKind.RELU, l.stage(), l.relus(), l.muxes(), 0, 0, 0, l.elements(), 0, n);
    } else if (n instanceof AddNode a) {
      long e = a.shape().elements();
      return new LayerCost(a.address(), LayerKind.ADD, a.stage(), 0, 0, 0, 0, 0, 2 * e, e, n);
    } else if (n instanceof MaxPoolNode p) {
      return new LayerCost(p.address(), LayerKind.MAX_POOL, p.stage(), 0, 0, 0, 0, 0, p.in().elements(),
          p.out().elements() * p.kernel() * p.kernel(), n);
    } else if (n instanceof AvgPoolNode p) {
      long pooled = p.in().elements();
      return new LayerCost(p.address(), LayerKind.AVG_POOL, p.stage(), 0, 0, 0, 0, 0, pooled, pooled, n);
    } else if (n instanceof FcNode f) {
      return new LayerCost(f.address(), LayerKind.FC, f.stage(), 0, 0, f.macs(), f.params(), f.classes(),
          f.features(), 0, n);
    }
    return null;
  }
}
