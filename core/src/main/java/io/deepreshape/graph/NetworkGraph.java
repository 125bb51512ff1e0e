package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A spec's network as nodes in execution order (DEEPRESHAPE.md section 2): node {@code i} has id
 * {@code i} and reads only nodes before it. Built by {@link #of}, a pure function of the spec;
 * immutable.
 */
public final class NetworkGraph {
  private final NetworkSpec spec;
  private final List<Node> nodes;
  private final Node[] byId;
  /** Computed on first use; its final fields make a racy first use safe (every thread computes the same). */
  private Wiring wiring;

  /** Each node's inputs and how many nodes read it, read once from the nodes (the passes ask often). */
  private record Wiring(int[] input, int[] shortcut, int[] consumers) {}

  private NetworkGraph(NetworkSpec spec, List<Node> nodes) {
    this.spec = spec;
    this.byId = nodes.toArray(new Node[0]);
    this.nodes = Collections.unmodifiableList(Arrays.asList(byId));
  }

  /** The graph of {@code spec}. */
  public static NetworkGraph of(NetworkSpec spec) {
    return GraphBuilder.build(spec);
  }

  /** A graph of {@code nodes}, checked to be in execution order. */
  public static NetworkGraph of(NetworkSpec spec, List<Node> nodes) {
    List<Node> copy = new ArrayList<>(nodes);
    for (int i = 0; i < copy.size(); i++) {
      Node n = copy.get(i);
      if (n.id() != i || n.input() >= i || n instanceof AddNode a && a.shortcut() >= i) {
        throw new IllegalArgumentException("node " + n.address() + " at " + i + " is out of order");
      }
    }
    return new NetworkGraph(spec, copy);
  }

  /**
   * The graph of nodes that {@link GraphBuilder} placed in order itself (each node's id its position,
   * its inputs before it), kept without a copy: accounting builds graphs in bulk.
   */
  static NetworkGraph built(NetworkSpec spec, List<Node> nodes) {
    return new NetworkGraph(spec, nodes);
  }

  public NetworkSpec spec() {
    return spec;
  }

  /** The nodes in execution order (unmodifiable). */
  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int id) {
    return byId[id];
  }

  public int size() {
    return byId.length;
  }

  /** The last node (the classifier). */
  public Node output() {
    return nodes.get(nodes.size() - 1);
  }

  /** The id node {@code id} reads (-1: the image). */
  public int input(int id) {
    return wiring().input()[id];
  }

  /** The shortcut an addition reads, or -1 (also for any other node). */
  public int shortcut(int id) {
    return wiring().shortcut()[id];
  }

  /** How many nodes read node {@code id} (an addition reads two). */
  public int consumerCount(int id) {
    return wiring().consumers()[id];
  }

  private Wiring wiring() {
    Wiring w = wiring;
    if (w == null) {
      int n = byId.length;
      int[] in = new int[n];
      int[] sc = new int[n];
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        Node node = byId[i];
        in[i] = node.input();
        sc[i] = node instanceof AddNode a ? a.shortcut() : -1;
        if (in[i] >= 0) {
          c[in[i]]++;
        }
        if (sc[i] >= 0) {
          c[sc[i]]++;
        }
      }
      w = new Wiring(in, sc, c);
      wiring = w;
    }
    return w;
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
    for (Node n : byId) {
      if (n instanceof ReluNode relu) {
        int s = relu.layer().stage();
        if (s >= 1 && s <= r.length) {
          r[s - 1] += relu.layer().relus();
        }
      }
    }
    return r;
  }
}
