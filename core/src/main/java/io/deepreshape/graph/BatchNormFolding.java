package io.deepreshape.graph;

import java.util.Arrays;

/**
 * Which batch norms fold into a convolution (PI-ENGINE.md section 1): a batch norm whose input is a
 * convolution of the same unit read by nothing else. The others (a pre-activation block's first, the
 * WideResNet head's) stay per-channel affine layers of their own.
 */
public final class BatchNormFolding {
  private BatchNormFolding() {}

  /** Per node id: whether it is a batch norm folded into the convolution it reads. */
  public static boolean[] folded(NetworkGraph g) {
    boolean[] f = new boolean[g.size()];
        for (int i = 0; i < f.length; i++) {
      if (g.node(i) instanceof BatchNormNode bn) {
        int in = bn.input();
        f[i] = in >= 0 && g.node(in) instanceof ConvNode c && c.block() == bn.block()
            && c.layer().stage() == bn.layer().stage() && g.consumerCount(in) == 1;
      }
    }
    return f;
  }

  /** Per node id: the id of the batch norm folded into this convolution, or -1. */
  public static int[] foldedInto(NetworkGraph g, boolean[] folded) {
    int[] by = new int[g.size()];
    Arrays.fill(by, -1);
    for (int i = 0; i < by.length; i++) {
      if (folded[i]) {
        by[g.node(i).input()] = i;
      }
    }
    return by;
  }
}
