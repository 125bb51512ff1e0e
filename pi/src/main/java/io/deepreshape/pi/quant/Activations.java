package io.deepreshape.pi.quant;

/**
 * The nonlinear layers on ring values in the clear, exactly as the garbled circuits compute them
 * (PI-ENGINE.md section 2): with {@code y} the signed {@code l}-bit value, a kept ReLU gives
 * {@code y >= 0 ? y >> s : 0}, identity gives {@code y >>arith s}, and reuse gives {@code
 * y_0 >= 0 ? y_j >>arith s : 0} with {@code y_0} the first channel of the group.
 */
public final class Activations {
  private Activations() {}

  /** Applies {@code act} to {@code y} (length C*H*W, ring elements); returns ring elements. */
  public static long[] apply(ActLayer act, long[] y, QuantConfig q) {
    int hw = act.height() * act.width();
    int s = q.s();
    long mask = q.mask();
    long[] out = new long[y.length];
    int r = act.reuseGroup();
    for (int c = 0; c < act.channels(); c++) {
      boolean relu = act.keeps(c);
      int leader = r > 0 ? (c / r) * r : c;
      for (int p = 0; p < hw; p++) {
        long v = q.signed(y[c * hw + p]);
        long res;
        if (r > 0) {
          res = q.signed(y[leader * hw + p]) >= 0 ? v >> s : 0;
        } else if (relu) {
          res = v >= 0 ? v >> s : 0;
        } else {
          res = v >> s;
        }
        out[c * hw + p] = res & mask;
      }
    }
    return out;
  }

  /** The float counterpart: ReLU, identity or reuse on real values. */
  public static double[] apply(ActLayer act, double[] y) {
    int hw = act.height() * act.width();
    double[] out = new double[y.length];
    int r = act.reuseGroup();
    for (int c = 0; c < act.channels(); c++) {
      boolean relu = act.keeps(c);
      int leader = r > 0 ? (c / r) * r : c;
      for (int p = 0; p < hw; p++) {
        double v = y[c * hw + p];
        if (r > 0) {
          out[c * hw + p] = y[leader * hw + p] > 0 ? v : 0;
        } else {
          out[c * hw + p] = relu ? Math.max(0, v) : v;
        }
      }
    }
    return out;
  }
}
