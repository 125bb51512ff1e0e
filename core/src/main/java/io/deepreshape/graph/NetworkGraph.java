package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec's network as nodes in execution order (DEEPRESHAPE.md section 2): node {@code i} has id
 * {@code i} and reads only nodes before it. Built by {@link #of}, a pure function of the spec.
 */
public record NetworkGraph(NetworkSpec spec, List<Node> nodes) {

  public NetworkGraph {
    nodes = List.copyOf(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.id() != i || n.input() >= i || n instanceof AddNode a && a.shortcut() >= i) {
        throw new IllegalArgumentException("node " + n.address() + " at " + i + " is out of order");
      }
    }
  }

  /** The graph of {@code spec}. */
  public static NetworkGraph of(NetworkSpec spec) {
    return GraphBuilder.build(spec);
  }

  public Node node(int id) {
    return nodes.get(id);
  }

  public int size() {
    return nodes.size();
  }

  /** The last node (the classifier). */
  public Node output() {
    return nodes.get(nodes.size() - 1);
  }

  /** How many nodes read each node (an addition reads two). */
  public int[] consumerCounts() {
    int[] c = new int[nodes.size()];
    for (Node n : nodes) {
      if (n.input() >= 0) {
        c[n.input()]++;
      }
      if (n instanceof AddNode a && a.shortcut() >= 0) {
        c[a.shortcut()]++;
      }
    }
    return c;
  }

  /** The nodes that read node {@code id}, in order. */
  public List<Node> consumers(int id) {
    List<Node> out = new ArrayList<>(2);
    for (int i = id + 1; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.input() == id || n instanceof AddNode a && a.shortcut() == id) {
        out.add(n);
      }
    }
    return out;
  }

  /** Every ReLU layer in execution order. */
  public List<ReluLayer> reluLayers() {
    List<ReluLayer> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof ReluNode r) {
        out.add(r.layer());
      }
    }
    return out;
  }

  /** Every convolution (projections included) in execution order. */
  public List<ConvLayer> convLayers() {
    List<ConvLayer> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof ConvNode c) {
        out.add(c.layer());
      }
    }
    return out;
  }

  /** ReLUs of each stage S1..SD (index 0 is S1), stem and head excluded. */
  public long[] stageRelus() {
    long[] r = new long[spec.depth()];
    for (Node n : nodes) {
      if (n instanceof ReluNode relu && n.stage() >= 1 && n.stage() <= r.length) {
        r[n.stage() - 1] += relu.layer().relus();
      }
    }
    return r;
  }
}
