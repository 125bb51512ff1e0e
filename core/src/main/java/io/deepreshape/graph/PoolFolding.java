package io.deepreshape.graph;

/**
 * Average-pool folding into the classifier (PI-ENGINE.md section 1): a classifier behind global
 * average pooling (and a flatten) multiplies the C x H x W map directly, every weight divided by
 * H x W, so the pooling costs nothing and the classifier reads {@code C*H*W} inputs.
 *
 * @param source the node whose output the classifier multiplies
 * @param map that output's shape
 */
public record PoolFolding(int source, Shape map) {

  /** The folded input of {@code fc} in {@code g}. */
  public static PoolFolding of(NetworkGraph g, FcNode fc) {
    Node n = g.node(fc.input());
    if (n instanceof FlattenNode f) {
      n = g.node(f.input());
    }
    if (n instanceof AvgPoolNode p) {
      return new PoolFolding(p.input(), p.in());
    }
    return new PoolFolding(fc.input(), new Shape(fc.features(), 1, 1));
  }

  /** Elements per pooled feature (H x W, the divisor folded into the weights). */
  public int window() {
    return map.height() * map.width();
  }

  /** Inputs the folded classifier multiplies. */
  public int inputs() {
    return Math.toIntExact(map.elements());
  }
}
