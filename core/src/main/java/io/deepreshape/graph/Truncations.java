package io.deepreshape.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's truncation points (PI-ENGINE.md section 2): a linear layer's output is at scale
 * {@code 2^{2s}} and every garbled layer truncates it back to {@code 2^s}. A ReLU does so itself;
 * where a convolution, batch norm or residual sum is read by something else (a batch norm that does
 * not fold, a convolution, a pooling, a later block's sum as its shortcut) a {@link TruncationNode}
 * goes between them. A block's sum of its own linear layers needs none: they add at the same scale.
 */
public final class Truncations {
  private Truncations() {}

  /** Per node id: whether the engine truncates its output with a circuit of its own. */
  public static boolean[] points(NetworkGraph g) {
    return points(g, BatchNormFolding.folded(g));
  }

  /** As {@link #points(NetworkGraph)}, with the batch-norm folding of {@code g} already known. */
  public static boolean[] points(NetworkGraph g, boolean[] folded) {
    boolean[] wide = new boolean[g.size()];
    boolean[] needs = new boolean[g.size()];
        for (int i = 0; i < wide.length; i++) {
      Node n = g.node(i);
      wide[i] = n instanceof ConvNode || n instanceof BatchNormNode || n instanceof AddNode || n instanceof FcNode;
      readsWide(g, n, g.input(i), wide, folded, needs);
      if (n instanceof AddNode) {
        readsWide(g, n, g.shortcut(i), wide, folded, needs);
      }
    }
    return needs;
  }

  private static void readsWide(NetworkGraph g, Node reader, int source, boolean[] wide, boolean[] folded,
      boolean[] needs) {
    if (source < 0 || !wide[source] || needs[source]) {
      return;
    }
    if (!accepts(g, reader, source, folded)) {
      needs[source] = true;
    }
  }

  /** {@code g} with a truncation after every point of {@link #points}, its readers reading it instead. */
  public static NetworkGraph insert(NetworkGraph g) {
    boolean[] folded = BatchNormFolding.folded(g);
    boolean[] needs = points(g, folded);
    int[] newId = new int[g.size()];
    int[] truncId = new int[g.size()];
    List<Node> out = new ArrayList<>(g.size() + 8);
    for (Node n : g.nodes()) {
      int input = route(g, n, n.input(), needs, folded, newId, truncId);
      int shortcut = n instanceof AddNode a ? route(g, n, a.shortcut(), needs, folded, newId, truncId) : -1;
      newId[n.id()] = out.size();
      out.add(n.renumbered(out.size(), input, shortcut));
      if (needs[n.id()]) {
        truncId[n.id()] = out.size();
        out.add(new TruncationNode(out.size(), n.address() + ".trunc", n.stage(), n.block(), newId[n.id()], n.out()));
      }
    }
    return g.withNodes(out);
  }

  private static int route(NetworkGraph g, Node reader, int source, boolean[] needs, boolean[] folded, int[] newId,
      int[] truncId) {
    if (source < 0) {
      return source;
    }
    if (!needs[source]) {
      return newId[source];
    }
    return accepts(g, reader, source, folded) ? newId[source] : truncId[source];
  }

  /**
   * Whether {@code reader} takes {@code source}'s output at scale {@code 2^{2s}}: a ReLU or truncation,
   * a batch norm folded into it, a sum of linear layers of its own block (the engine sums them in one
   * step; a shortcut from outside the block is a truncated tensor).
   */
  private static boolean accepts(NetworkGraph g, Node reader, int source, boolean[] folded) {
    Node s = g.node(source);
    return reader instanceof ReluNode || reader instanceof TruncationNode
        || reader instanceof BatchNormNode && folded[reader.id()]
        || reader instanceof AddNode && !(s instanceof AddNode) && s.sameUnit(reader);
  }
}
