package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network as nodes in execution order (DEEPRESHAPE.md section 2): node {@code i} has id {@code i}
 * and reads only nodes before it; immutable. The graph is the architecture: a spec's is built by
 * {@link #of(NetworkSpec)}, a pure function of the spec, an imported model's by {@link #imported}
 * from the model's own nodes (then there is no spec). Either way it has a name, an input shape and
 * a depth D: its nodes' stages are 0 (stem), 1..D and D+1 (head).
 */
public final class NetworkGraph {
  private final NetworkSpec spec;
  private final String name;
  private final InputShape input;
  private final int depth;
  private final List<Node> nodes;
  private final Node[] byId;
  /** Computed on first use; its final fields make a racy first use safe (every thread computes the same). */
  private Wiring wiring;

  /** Each node's inputs and how many nodes read it, read once from the nodes (the passes ask often). */
  private record Wiring(int[] input, int[] shortcut, int[] consumers) {}

  private NetworkGraph(NetworkSpec spec, String name, InputShape input, int depth, List<Node> nodes) {
    this.spec = spec;
    this.name = name;
    this.input = input;
    this.depth = depth;
    this.byId = nodes.toArray(new Node[0]);
    this.nodes = Collections.unmodifiableList(Arrays.asList(byId));
  }

  private NetworkGraph(NetworkSpec spec, List<Node> nodes) {
    this(spec, spec.name(), spec.input(), spec.depth(), nodes);
  }

  /** The graph of {@code spec}. */
  public static NetworkGraph of(NetworkSpec spec) {
    return GraphBuilder.build(spec);
  }

  /** A graph of {@code nodes}, checked to be in execution order. */
  public static NetworkGraph of(NetworkSpec spec, List<Node> nodes) {
    return new NetworkGraph(spec, ordered(nodes));
  }

  /**
   * The graph of an imported model: {@code nodes} checked to be in execution order, their stages
   * within 0..depth+1, the last one the classifier.
   */
  public static NetworkGraph imported(String name, InputShape input, int depth, List<Node> nodes) {
    List<Node> copy = ordered(nodes);
    for (Node n : copy) {
      if (n.stage() < 0 || n.stage() > depth + 1) {
        throw new IllegalArgumentException("node " + n.address() + " has stage " + n.stage() + " outside 0.." + (depth + 1));
      }
    }
    if (copy.isEmpty() || !(copy.get(copy.size() - 1) instanceof FcNode)) {
      throw new IllegalArgumentException("an imported graph ends with its classifier");
    }
    return new NetworkGraph(null, name, input, depth, copy);
  }

  /** The same graph named {@code newName} (a spec's graph: its renamed spec's). */
  public NetworkGraph renamed(String newName) {
    return spec != null ? of(spec.withName(newName)) : new NetworkGraph(null, newName, input, depth, nodes);
  }

  /** This graph's name, input and depth with other {@code nodes} (a pass's result), checked to be in order. */
  public NetworkGraph withNodes(List<Node> nodes) {
    return new NetworkGraph(spec, name, input, depth, ordered(nodes));
  }

  /**
   * This graph with the ReLU layers at the addresses of {@code modes} in those modes (a spec's graph:
   * the graph of the spec with those modes), the other layers as they are.
   */
  public NetworkGraph withReluModes(Map<ReluAddress, ReluMode> modes) {
    if (spec != null) {
      return of(spec.withReluModes(modes));
    }
    List<Node> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      if (n instanceof ReluNode r && modes.containsKey(r.layer().address())) {
        ReluLayer l = r.layer();
        ReluMode m = modes.get(l.address());
        if (m instanceof ReluMode.PartialChannels p && p.maxChannel() >= l.channels()
            || m instanceof ReluMode.Reuse u && u.groupSize() > l.channels()) {
          throw new IllegalArgumentException("ReLU mode " + m.text() + " does not fit the " + l.channels()
              + " channels of " + l.address());
        }
        out.add(new ReluNode(r.id(), r.block(), r.input(), new ReluLayer(l.address(), m, l.stage(), l.channels(),
            l.height(), l.width())));
      } else {
        out.add(n);
      }
    }
    return new NetworkGraph(null, name, input, depth, out);
  }

  private static List<Node> ordered(List<Node> nodes) {
    List<Node> copy = new ArrayList<>(nodes);
    for (int i = 0; i < copy.size(); i++) {
      Node n = copy.get(i);
      if (n.id() != i || n.input() >= i || n instanceof AddNode a && a.shortcut() >= i) {
        throw new IllegalArgumentException("node " + n.address() + " at " + i + " is out of order");
      }
    }
    return copy;
  }

  /**
   * The graph of nodes that {@link GraphBuilder} placed in order itself (each node's id its position,
   * its inputs before it), kept without a copy: accounting builds graphs in bulk.
   */
  static NetworkGraph built(NetworkSpec spec, List<Node> nodes) {
    return new NetworkGraph(spec, nodes);
  }

  /** The spec the graph was built from; empty for an imported graph. */
  public Optional<NetworkSpec> spec() {
    return Optional.ofNullable(spec);
  }

  public String name() {
    return name;
  }

  /** The image shape and the number of classes. */
  public InputShape input() {
    return input;
  }

  /** Stages S1..SD between the stem (stage 0) and the head (stage D+1). */
  public int depth() {
    return depth;
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
    long[] r = new long[depth];
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
