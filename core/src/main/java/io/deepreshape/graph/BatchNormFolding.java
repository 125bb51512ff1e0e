package io.deepreshape.graph;

/**
 * Which batch norms fold into a convolution (PI-ENGINE.md section 1): a batch norm whose input is a
 * convolution of the same unit read by nothing else. The others (a pre-activation block's first, the
 * WideResNet head's) stay per-channel affine layers of their own.
 */
public final class BatchNormFolding {
  private BatchNormFolding() {}

  /** Per node id: whether it is a batch norm folded into the convolution it reads. */
  public static boolean[] folded(NetworkGraph g) {
    int[] consumers = g.consumerCounts();
    boolean[] f = new boolean[g.size()];
    for (Node n : g.nodes()) {
      f[n.id()] = n instanceof BatchNormNode && n.input() >= 0 && g.node(n.input()) instanceof ConvNode c
          && c.sameUnit(n) && consumers[c.id()] == 1;
    }
    return f;
  }

  /** Per node id: the id of the batch norm folded into this convolution, or -1. */
  public static int[] foldedInto(NetworkGraph g, boolean[] folded) {
    int[] by = new int[g.size()];
    java.util.Arrays.fill(by, -1);
    for (int i = 0; i < by.length; i++) {
      if (folded[i]) {
        by[g.node(i).input()] = i;
      }
    }
    return by;
  }
}
