package io.deepreshape.train.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the DJL model of a spec from its {@link NetworkGraph}: one sequential block per unit (stem,
 * each residual block, head), a residual addition as a parallel block of its main path and its
 * shortcut, the nodes after the sum behind it. The blocks nest as they always have, so DJL's
 * parameter names, and with them saved checkpoints, stay what they were.
 */
public final class ModelBuilder {
  private final NetworkGraph graph;
  private final List<ReluModeBlock> relus = new ArrayList<>();
  private final Map<String, Block> layers = new LinkedHashMap<>();
  private final Function<ReluLayer, Block> reluFactory;

  private ModelBuilder(NetworkGraph graph, Function<ReluLayer, Block> reluFactory) {
    this.graph = graph;
    this.reluFactory = reluFactory;
  }

  /** The model of {@code spec} (uninitialised; initialise with the input shape {@code (N, C, H, W)}). */
  public static BuiltModel build(NetworkSpec spec) {
    return build(spec, null);
  }

  /**
   * The model of {@code spec} with ReLU layers made by {@code reluFactory} where it returns a block
   * (e.g. SNL's trainable masks), and {@link ReluModeBlock}s where it returns null or is null.
   */
  public static BuiltModel build(NetworkSpec spec, Function<ReluLayer, Block> reluFactory) {
    return build(NetworkGraph.of(spec), reluFactory);
  }

  /**
   * The model of {@code graph}: a spec's graph nested by units (the checkpoints' layout), an imported
   * graph as one {@link GraphBlock} of its nodes.
   */
  public static BuiltModel build(NetworkGraph graph, Function<ReluLayer, Block> reluFactory) {
    ModelBuilder b = new ModelBuilder(graph, reluFactory);
    if (graph.spec().isEmpty()) {
      GraphBlock net = new GraphBlock(graph, b::layer);
      return new BuiltModel(graph, net, List.copyOf(b.relus), b.layers);
    }
    SequentialBlock net = new SequentialBlock();
    int from = 0;
    for (int i = 1; i <= graph.size(); i++) {
      if (i == graph.size() || !graph.node(i).sameUnit(graph.node(from))) {
        net.add(b.unit(from, i));
        from = i;
      }
    }
    return new BuiltModel(graph, net, List.copyOf(b.relus), b.layers);
  }

  /** Nodes {@code from..to-1} of one unit. */
  private Block unit(int from, int to) {
    AddNode add = null;
    for (int i = from; i < to; i++) {
      if (graph.node(i) instanceof AddNode a) {
        add = a;
      }
    }
    if (add == null) {
      return sequence(range(from, to));
    }
    List<Node> main = chain(add.input(), from);
    List<Node> shortcut = chain(add.shortcut(), from);
    shortcut.removeAll(main);
    int fork = shortcut.isEmpty() ? add.shortcut() : shortcut.get(0).input();
    // the main path's pre-activation (nodes before its first convolution) wraps the rest; when the
    // shortcut forks off inside it, it comes before the sum (the nesting saved checkpoints hold)
    int firstConv = 0;
    while (firstConv < main.size() && !(main.get(firstConv) instanceof ConvNode)) {
      firstConv++;
    }
    List<Node> pre = main.subList(0, firstConv);
    Block body = sequence(main.subList(firstConv, main.size()));
    boolean forkInPre = pre.stream().anyMatch(n -> n.id() == fork);
    Block mainBlock = body;
    if (!pre.isEmpty() && !forkInPre) {
      SequentialBlock withPre = sequence(pre);
      withPre.add(body);
      mainBlock = withPre;
    }
    Block sum = residual(mainBlock, shortcut.isEmpty() ? Blocks.identityBlock() : sequence(shortcut));
    List<Node> prefix = forkInPre ? pre : List.of();
    List<Node> suffix = range(add.id() + 1, to);
    if (prefix.isEmpty() && suffix.isEmpty()) {
      return sum;
    }
    SequentialBlock seq = sequence(prefix);
    seq.add(sum);
    suffix.forEach(n -> add(seq, n));
    return seq;
  }

  /** The nodes from the unit's first ({@code from}) up to {@code last}, following inputs back. */
  private List<Node> chain(int last, int from) {
    List<Node> out = new ArrayList<>();
    for (int i = last; i >= from; i = graph.node(i).input()) {
      out.add(0, graph.node(i));
    }
    return out;
  }

  private List<Node> range(int from, int to) {
    return graph.nodes().subList(from, to);
  }

  private SequentialBlock sequence(List<Node> nodes) {
    SequentialBlock seq = new SequentialBlock();
    nodes.forEach(n -> add(seq, n));
    return seq;
  }

  private void add(SequentialBlock seq, Node n) {
    Block b = layer(n);
    if (b != null) {
      seq.add(b);
    }
  }

  /** The DJL block of one node; a flatten has none (DJL's global pooling already yields N x C). */
  private Block layer(Node n) {
    if (n instanceof ReluNode r) {
      return relu(r.layer());
    } else if (n instanceof FlattenNode) {
      return null;
    }
    Block b;
    if (n instanceof ConvNode c) {
      b = conv(c.layer());
    } else if (n instanceof BatchNormNode) {
      b = BatchNorm.builder().build();
    } else if (n instanceof MaxPoolNode p) {
      b = Pool.maxPool2dBlock(new Shape(p.kernel(), p.kernel()), new Shape(p.stride(), p.stride()),
          new Shape(p.padding(), p.padding()));
    } else if (n instanceof AvgPoolNode) {
      b = Pool.globalAvgPool2dBlock();
    } else if (n instanceof FcNode f) {
      b = Linear.builder().setUnits(f.classes()).build();
    } else {
      throw new IllegalArgumentException("no DJL layer for node " + n.address());
    }
    layers.put(n.address(), b);
    return b;
  }

  private static Block residual(Block main, Block shortcut) {
    return new ParallelBlock(outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
        List.of(main, shortcut));
  }

  private Block relu(ReluLayer layer) {
    if (reluFactory != null) {
      Block custom = reluFactory.apply(layer);
      if (custom != null) {
        return custom;
      }
    }
    ReluModeBlock block = new ReluModeBlock(layer);
    relus.add(block);
    return block;
  }

  static Block conv(ConvLayer c) {
    return Conv2d.builder().setKernelShape(new Shape(c.kernel(), c.kernel())).optStride(new Shape(c.stride(), c.stride()))
        .optPadding(new Shape(c.padding(), c.padding())).setFilters(c.outChannels()).optBias(c.bias()).optGroups(c.groups()).build();
  }
}
