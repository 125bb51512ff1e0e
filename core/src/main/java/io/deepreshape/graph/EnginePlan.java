package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;
import io.deepreshape.packing.ConvTiling;
import io.deepreshape.packing.FcPacking;

/**
 * What the engine does at each node of a graph (PI-ENGINE.md sections 1-2): the Cheetah packing of
 * its homomorphic linear layers at ring degree {@code polyDegree} (a convolution with its folded batch
 * norm, a batch norm that does not fold as a 1x1 convolution of C to C channels, the classifier with
 * the average pool folded in) and its garbled circuits (ReLUs, the truncations {@link Truncations}
 * inserts, max-pool windows). Indexed by node id; a folded batch norm, a pooling folded into the
 * classifier and a flatten cost nothing of their own.
 */
public final class EnginePlan {
  private final NetworkGraph graph;
  private final long[] inPolys;
  private final long[] outPolys;
  private final long[] products;
  private final GarbledCounts[] garbled;

  private EnginePlan(NetworkGraph graph, int polyDegree) {
    this.graph = graph;
    int n = graph.size();
    inPolys = new long[n];
    outPolys = new long[n];
    products = new long[n];
    garbled = new GarbledCounts[n];
    boolean[] folded = BatchNormFolding.folded(graph);
    boolean[] trunc = Truncations.points(graph, folded);
    for (Node node : graph.nodes()) {
      int i = node.id();
      GarbledCounts g = GarbledCounts.ZERO;
      if (node instanceof ConvNode c) {
        ConvLayer l = c.layer();
        tile(i, ConvTiling.plan(l.inChannels(), l.inHeight(), l.inWidth(), l.kernel(), l.padding(), polyDegree),
            l.outChannels());
      } else if (node instanceof BatchNormNode bn && !folded[i]) {
        int ch = bn.layer().channels();
        tile(i, ConvTiling.plan(ch, bn.layer().height(), bn.layer().width(), 1, 0, polyDegree), ch);
      } else if (node instanceof FcNode fc) {
        FcPacking f = FcPacking.plan(PoolFolding.of(graph, fc).inputs(), fc.classes(), polyDegree);
        inPolys[i] = f.inputPolys();
        outPolys[i] = f.outputPolys();
        products[i] = f.products();
      } else if (node instanceof ReluNode r) {
        g = GarbledCounts.of(r.layer());
      } else if (node instanceof TruncationNode t) {
        g = truncation(t.shape().elements());
      } else if (node instanceof MaxPoolNode p) {
        g = new GarbledCounts(0, 0, 0, 0, 0, p.out().elements(), windowInputs(p));
      }
      if (trunc[i]) {
        g = g.plus(truncation(node.out().elements()));
      }
      garbled[i] = g;
    }
  }

  /** The plan of {@code graph} at ring degree {@code polyDegree}. */
  public static EnginePlan of(NetworkGraph graph, int polyDegree) {
    return new EnginePlan(graph, polyDegree);
  }

  private void tile(int i, ConvTiling t, int kernels) {
    inPolys[i] = t.inputPolys();
    outPolys[i] = t.outputPolys(kernels);
    products[i] = t.products(kernels);
  }

  private static GarbledCounts truncation(long elements) {
    return new GarbledCounts(0, 0, 0, elements, elements, 0, 0);
  }

  /** Elements under every window of {@code p} (smaller at the borders, padding excluded). */
  static long windowInputs(MaxPoolNode p) {
    Shape in = p.in();
    Shape out = p.out();
    return in.channels() * covered(in.height(), out.height(), p) * covered(in.width(), out.width(), p);
  }

  private static long covered(int side, int outSide, MaxPoolNode p) {
    long sum = 0;
    for (int i = 0; i < outSide; i++) {
      int lo = Math.max(0, i * p.stride() - p.padding());
      int hi = Math.min(side, i * p.stride() - p.padding() + p.kernel());
      sum += hi - lo;
    }
    return sum;
  }

  public NetworkGraph graph() {
    return graph;
  }

  /** Input ciphertexts the client sends for node {@code id}. */
  public long inputPolys(int id) {
    return inPolys[id];
  }

  /** Output ciphertexts the server returns for node {@code id}. */
  public long outputPolys(int id) {
    return outPolys[id];
  }

  /** Ciphertext-by-plaintext polynomial products of node {@code id}. */
  public long products(int id) {
    return products[id];
  }

  /** Garbled circuits of node {@code id}, its own truncation included. */
  public GarbledCounts garbled(int id) {
    return garbled[id];
  }

  /** Garbled circuits of the whole network. */
  public GarbledCounts garbled() {
    GarbledCounts sum = GarbledCounts.ZERO;
    for (GarbledCounts g : garbled) {
      sum = sum.plus(g);
    }
    return sum;
  }

  public long inputPolys() {
    long s = 0;
    for (long v : inPolys) {
      s += v;
    }
    return s;
  }

  public long outputPolys() {
    long s = 0;
    for (long v : outPolys) {
      s += v;
    }
    return s;
  }

  public long products() {
    long s = 0;
    for (long v : products) {
      s += v;
    }
    return s;
  }
}
