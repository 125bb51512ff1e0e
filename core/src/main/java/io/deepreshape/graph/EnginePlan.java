package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;
import io.deepreshape.packing.ConvTiling;
import io.deepreshape.packing.FcPacking;

/**
 * What the engine does at each node of a graph (PI-ENGINE.md sections 1-2): the packing ({@link ConvTiling}) of
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
  /** Elements a truncation node truncates, or that the engine truncates after this node. */
  private final long[] truncated;
  private final long[] poolWindows;
  private final long[] poolInputs;

  private EnginePlan(NetworkGraph graph, int polyDegree) {
    this.graph = graph;
    int n = graph.size();
    inPolys = new long[n];
    outPolys = new long[n];
    products = new long[n];
    truncated = new long[n];
    poolWindows = new long[n];
    poolInputs = new long[n];
    boolean[] folded = BatchNormFolding.folded(graph);
    boolean[] trunc = Truncations.points(graph, folded);
    for (int i = 0; i < n; i++) {
      Node node = graph.node(i);
      if (node instanceof ConvNode c) {
        ConvLayer l = c.layer();
        tile(i, ConvTiling.plan(l.inChannels(), l.inHeight(), l.inWidth(), l.outChannels(), l.kernel(), l.padding(),
            polyDegree), l.outChannels());
      } else if (node instanceof BatchNormNode bn && !folded[i]) {
        int ch = bn.layer().channels();
        tile(i, ConvTiling.plan(ch, bn.layer().height(), bn.layer().width(), ch, 1, 0, polyDegree), ch);
      } else if (node instanceof FcNode fc) {
        FcPacking f = FcPacking.plan(PoolFolding.of(graph, fc).inputs(), fc.classes(), polyDegree);
        inPolys[i] = f.inputPolys();
        outPolys[i] = f.outputPolys();
        products[i] = f.products();
      } else if (node instanceof TruncationNode t) {
        truncated[i] = t.shape().elements();
      } else if (node instanceof MaxPoolNode p) {
        poolWindows[i] = p.out().elements();
        poolInputs[i] = windowInputs(p);
      }
      if (trunc[i]) {
        truncated[i] += node.out().elements();
      }
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

  /** Elements the engine truncates at node {@code id} (a truncation node) or right after it. */
  public long truncations(int id) {
    return truncated[id];
  }

  /** Max-pool windows (circuits) of node {@code id}. */
  public long poolWindows(int id) {
    return poolWindows[id];
  }

  /** Max-pool comparisons of node {@code id}: a window of k elements compares k - 1 times. */
  public long poolComparisons(int id) {
    return poolInputs[id] - poolWindows[id];
  }

  /** Garbled circuits of node {@code id}, its own truncation included. */
  public GarbledCounts garbled(int id) {
    GarbledCounts g = graph.node(id) instanceof ReluNode r ? GarbledCounts.of(r.layer()) : GarbledCounts.ZERO;
    if (truncated[id] > 0 || poolWindows[id] > 0) {
      g = g.plus(new GarbledCounts(0, 0, 0, truncated[id], truncated[id], poolWindows[id], poolInputs[id]));
    }
    return g;
  }

  /** Garbled circuits of the whole network. */
  public GarbledCounts garbled() {
    GarbledCounts sum = GarbledCounts.ZERO;
    for (int i = 0; i < truncated.length; i++) {
      sum = sum.plus(garbled(i));
    }
    return sum;
  }

  /** Input ciphertexts of the whole network. */
  public long inputPolys() {
    return sum(inPolys);
  }

  /** Output ciphertexts of the whole network. */
  public long outputPolys() {
    return sum(outPolys);
  }

  /** Polynomial products of the whole network. */
  public long products() {
    return sum(products);
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}
