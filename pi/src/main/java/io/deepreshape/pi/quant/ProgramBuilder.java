package io.deepreshape.pi.quant;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormFolding;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.PoolFolding;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.graph.Shape;
import io.deepreshape.graph.TruncationNode;
import io.deepreshape.graph.Truncations;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Lowers a spec's {@link NetworkGraph}, with the engine's truncations inserted ({@link
 * io.deepreshape.graph.Truncations}), into the step program the protocol runs (PI-ENGINE.md section
 * 2, Delphi's layer structure, Mishra et al. 2020): every convolution with its own bias (if any) and
 * the batch norm that folds into it ({@link BatchNormFolding}), a batch norm that does not fold as a per-channel affine (diagonal
 * 1x1) layer, a residual sum of linear layers summed in one step (an identity shortcut added at scale
 * {@code 2^s}), each step closed by the ReLU or truncation that reads it, a max-pool a step of its own,
 * and global average pooling folded into the classifier ({@link PoolFolding}).
 */
public final class ProgramBuilder {
  private final NetworkGraph graph;
  private final WeightSource src;
  private final boolean[] folded;
  private final int[] foldedInto;
  private final List<Step> steps = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();
  private final List<double[]> biases = new ArrayList<>();
  /** Per node: the tensor holding its output (scale 2^s), or -1. */
  private final int[] tensor;
  /** Per node: the linear layers summed into its output (scale 2^{2s}), or null. */
  private final List<List<LinearOp>> sums;
  /** Per node: the identity shortcut tensor added to its sum, or -1. */
  private final int[] shortcut;
  private int linearId;

  private ProgramBuilder(NetworkGraph graph, WeightSource src) {
    this.graph = graph;
    this.src = src;
    this.folded = BatchNormFolding.folded(graph);
    this.foldedInto = BatchNormFolding.foldedInto(graph, folded);
    int n = graph.size();
    tensor = new int[n];
    shortcut = new int[n];
    Arrays.fill(tensor, -1);
    Arrays.fill(shortcut, -1);
    sums = new ArrayList<>(Collections.nCopies(n, null));
  }

  /** The program of {@code spec} with parameters from {@code src}. */
  public static FloatNetwork build(NetworkSpec spec, WeightSource src) {
    return build(NetworkGraph.of(spec), src);
  }

  /** The program of {@code graph} (a spec's or an imported model's) with parameters from {@code src}. */
  public static FloatNetwork build(NetworkGraph graph, WeightSource src) {
    ProgramBuilder b = new ProgramBuilder(Truncations.insert(graph), src);
    for (Node n : b.graph.nodes()) {
      b.lower(n);
    }
    boolean any = b.weights.stream().anyMatch(w -> w != null);
    return new FloatNetwork(graph, graph.input().channels(), graph.input().height(),
        graph.input().width(), b.steps,
        any ? b.weights.toArray(new double[0][]) : null,
        any ? b.biases.toArray(new double[0][]) : null);
  }

  /** The shape of {@code spec}'s program without parameters (what the client knows). */
  public static FloatNetwork shape(NetworkSpec spec) {
    return build(spec, WeightSource.SHAPE_ONLY);
  }

  /** The shape of {@code graph}'s program without parameters. */
  public static FloatNetwork shape(NetworkGraph graph) {
    return build(graph, WeightSource.SHAPE_ONLY);
  }

  private void lower(Node n) {
    int i = n.id();
    if (n instanceof ConvNode c) {
      int bn = foldedInto[i];
      sums.set(i, List.of(conv(c.layer(), tensorOf(c.input()))));
      addConv(c.layer(), bn < 0 ? null : ((BatchNormNode) graph.node(bn)).layer());
    } else if (n instanceof BatchNormNode bn) {
      if (folded[i]) {
        sums.set(i, sums.get(bn.input()));
      } else {
        sums.set(i, List.of(affine(bn.layer(), tensorOf(bn.input()))));
        addAffine(src.norm(bn.layer()));
      }
    } else if (n instanceof AddNode a) {
      List<LinearOp> ops = new ArrayList<>(linears(a.input()));
      if (sums.get(a.shortcut()) != null) {
        ops.addAll(sums.get(a.shortcut()));
      } else {
        shortcut[i] = tensorOf(a.shortcut());
      }
      sums.set(i, ops);
    } else if (n instanceof ReluNode r) {
      close(n, new ActLayer(r.address(), r.layer().mode(), r.layer().channels(), r.layer().height(),
          r.layer().width()));
    } else if (n instanceof TruncationNode t) {
      Shape s = t.shape();
      close(n, new ActLayer(t.address(), ReluMode.IDENTITY, s.channels(), s.height(), s.width()));
    } else if (n instanceof MaxPoolNode p) {
      Shape in = p.in();
      PoolLayer pool = new PoolLayer(p.address(), in.channels(), in.height(), in.width(), p.kernel(), p.stride(),
          p.padding());
      steps.add(new Step(steps.size(), p.address(), List.of(), tensorOf(p.input()), null, pool));
      tensor[i] = steps.size();
    } else if (n instanceof FcNode fc) {
      classifier(fc);
    } else if (!(n instanceof AvgPoolNode || n instanceof FlattenNode)) {
      throw new IllegalArgumentException("the engine has no step for node " + n.address());
    }
  }

  /** The step summing {@code n}'s input and closed by {@code act}. */
  private void close(Node n, ActLayer act) {
    int in = n.input();
    List<LinearOp> ops = linears(in);
    String name = ops.get(0).name();
    if (graph.node(in) instanceof AddNode a) {
      name = linears(a.input()).get(linears(a.input()).size() - 1).name()
          + (shortcut[in] >= 0 ? "+identity" : "+shortcut");
    }
    steps.add(new Step(steps.size(), name, ops, shortcut[in], act));
    tensor[n.id()] = steps.size();
  }

  private List<LinearOp> linears(int id) {
    List<LinearOp> ops = sums.get(id);
    if (ops == null) {
      throw new IllegalArgumentException("node " + graph.node(id).address() + " is not a linear layer's output");
    }
    return ops;
  }

  private int tensorOf(int id) {
    if (id < 0) {
      return 0;
    }
    if (tensor[id] < 0) {
      throw new IllegalArgumentException("node " + graph.node(id).address() + " is read before it is truncated");
    }
    return tensor[id];
  }

  private void classifier(FcNode fc) {
    PoolFolding pf = PoolFolding.of(graph, fc);
    int hw = pf.window();
    int features = fc.features();
    LinearOp op = new LinearOp(linearId++, fc.address(), tensorOf(pf.source()), null, pf.inputs(), fc.classes());
    float[] w = src.fcWeight(fc);
    float[] bias = src.fcBias(fc);
    if (w == null) {
      weights.add(null);
      biases.add(null);
    } else {
      double[] foldedW = new double[fc.classes() * features * hw];
      for (int m = 0; m < fc.classes(); m++) {
        for (int c = 0; c < features; c++) {
          double v = w[m * features + c] / (double) hw;
          for (int p = 0; p < hw; p++) {
            foldedW[(m * features + c) * hw + p] = v;
          }
        }
      }
      weights.add(foldedW);
      biases.add(toDouble(bias));
    }
    steps.add(new Step(steps.size(), fc.address(), List.of(op), -1, null));
  }

  private LinearOp conv(ConvLayer c, int input) {
    ConvShape shape = new ConvShape(c.inChannels(), c.inHeight(), c.inWidth(), c.outChannels(),
        c.kernel(), c.stride(), c.padding());
    return new LinearOp(linearId++, c.name(), input, shape, 0, 0);
  }

  private LinearOp affine(BatchNormLayer bn, int input) {
    ConvShape shape = new ConvShape(bn.channels(), bn.height(), bn.width(), bn.channels(), 1, 1, 0);
    return new LinearOp(linearId++, bn.name(), input, shape, 0, 0);
  }

  /**
   * Reads the kernel, then the batch norm folded into it, and folds them. A grouped kernel becomes the
   * dense one it equals (zero where an output channel's group does not read), which the engine convolves.
   */
  private void addConv(ConvLayer c, BatchNormLayer norm) {
    float[] k = c.groups() == 1 ? src.conv(c) : dense(c, src.conv(c));
    float[] own = c.bias() ? src.convBias(c) : null;
    WeightSource.BatchNorm bn = norm == null ? null : src.norm(norm);
    if (k == null) {
      weights.add(null);
      biases.add(null);
      return;
    }
    int m = c.outChannels();
    int per = k.length / m;
    double[] w = new double[k.length];
    double[] bias = new double[m];
    for (int o = 0; o < m; o++) {
      double scale = bn == null ? 1 : bn.scale(o);
      double b = own == null ? 0 : own[o];
      bias[o] = bn == null ? b : bn.shift(o) + scale * b;
      for (int i = 0; i < per; i++) {
        w[o * per + i] = k[o * per + i] * scale;
      }
    }
    weights.add(w);
    biases.add(bias);
  }

  /** The {@code [M][C][k][k]} kernel of a grouped one {@code [M][C/groups][k][k]} (null stays null). */
  static float[] dense(ConvLayer c, float[] grouped) {
    if (grouped == null) {
      return null;
    }
    int per = c.groupInChannels();
    int kk = c.kernel() * c.kernel();
    int outPer = c.outChannels() / c.groups();
    float[] d = new float[c.outChannels() * c.inChannels() * kk];
    for (int o = 0; o < c.outChannels(); o++) {
      int first = o / outPer * per;
      System.arraycopy(grouped, o * per * kk, d, (o * c.inChannels() + first) * kk, per * kk);
    }
    return d;
  }

  private void addAffine(WeightSource.BatchNorm bn) {
    if (bn == null) {
      weights.add(null);
      biases.add(null);
      return;
    }
    int c = bn.gamma().length;
    double[] w = new double[c * c];
    double[] bias = new double[c];
    for (int i = 0; i < c; i++) {
      w[i * c + i] = bn.scale(i);
      bias[i] = bn.shift(i);
    }
    weights.add(w);
    biases.add(bias);
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
