package io.deepreshape.pi.quant;

import io.deepreshape.pi.he.ConvShape;

/**
 * The plaintext reference of PI-ENGINE.md section 1: the quantised network run in the clear with
 * the protocol's ring arithmetic and truncations. Secure inference must reproduce its logits
 * exactly.
 */
public final class PlainReference {
  private PlainReference() {}

  /** Logits (ring elements at scale {@code 2^{2s}}) of a quantised input. */
  public static long[] logits(QuantNetwork net, long[] input) {
    long[][] t = tensors(net, input);
    return t[t.length - 1];
  }

  /**
   * Every tensor of the program: the input, the output of each nonlinear step (scale {@code
   * 2^s}) and, last, the logits.
   */
  public static long[][] tensors(QuantNetwork net, long[] input) {
    QuantConfig q = net.config();
    long mask = q.mask();
    long[][] tensors = new long[net.steps().size() + 1][];
    tensors[0] = input;
    long[] y = null;
    for (Step step : net.steps()) {
      if (step.pool() != null) {
        tensors[step.index() + 1] = step.pool().apply(tensors[step.shortcut()], q);
        continue;
      }
      y = new long[step.elements()];
      for (LinearOp op : step.linears()) {
        long[] part = RingLinear.apply(op, net.weights()[op.id()], tensors[op.input()]);
        RingLinear.addBias(op, part, net.biases()[op.id()]);
        for (int i = 0; i < y.length; i++) {
          y[i] += part[i];
        }
      }
      if (step.shortcut() >= 0) {
        long[] sc = tensors[step.shortcut()];
        for (int i = 0; i < y.length; i++) {
          y[i] += sc[i] << q.s();
        }
      }
      for (int i = 0; i < y.length; i++) {
        y[i] &= mask;
      }
      if (step.act() != null) {
        tensors[step.index() + 1] = Activations.apply(step.act(), y, q);
      }
    }
    tensors[tensors.length - 1] = y;
    return tensors;
  }

  /** Logits as signed values. */
  public static long[] signedLogits(QuantNetwork net, long[] input) {
    long[] y = logits(net, input);
    for (int i = 0; i < y.length; i++) {
      y[i] = net.config().signed(y[i]);
    }
    return y;
  }

  /** Float logits of the unquantised folded network (the float model in inference mode). */
  public static double[] floatLogits(FloatNetwork net, double[] input) {
    double[][] tensors = new double[net.steps().size() + 1][];
    tensors[0] = input;
    double[] y = null;
    for (Step step : net.steps()) {
      if (step.pool() != null) {
        tensors[step.index() + 1] = step.pool().apply(tensors[step.shortcut()]);
        continue;
      }
      y = new double[step.elements()];
      for (LinearOp op : step.linears()) {
        double[] w = net.weights()[op.id()];
        double[] b = net.biases()[op.id()];
        double[] x = tensors[op.input()];
        double[] part = op.isConv() ? conv(op.conv(), w, x) : fc(op, w, x);
        int plane = op.outPlane();
        for (int i = 0; i < y.length; i++) {
          y[i] += part[i] + b[i / plane];
        }
      }
      if (step.shortcut() >= 0) {
        double[] sc = tensors[step.shortcut()];
        for (int i = 0; i < y.length; i++) {
          y[i] += sc[i];
        }
      }
      if (step.act() != null) {
        tensors[step.index() + 1] = Activations.apply(step.act(), y);
      }
    }
    return y;
  }

  /** Index of the largest value (the first on ties). */
  public static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Index of the largest value (the first on ties). */
  public static int argmax(long[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double[] conv(ConvShape sh, double[] k, double[] x) {
    int ho = sh.outHeight();
    int wo = sh.outWidth();
    int kk = sh.kernel();
    double[] y = new double[sh.kernels() * ho * wo];
    for (int m = 0; m < sh.kernels(); m++) {
      for (int c = 0; c < sh.channels(); c++) {
        for (int u = 0; u < kk; u++) {
          for (int v = 0; v < kk; v++) {
            double wt = k[((m * sh.channels() + c) * kk + u) * kk + v];
            if (wt == 0) {
              continue;
            }
            for (int i = 0; i < ho; i++) {
              int r = i * sh.stride() + u - sh.padding();
              if (r < 0 || r >= sh.height()) {
                continue;
              }
              for (int j = 0; j < wo; j++) {
                int s = j * sh.stride() + v - sh.padding();
                if (s >= 0 && s < sh.width()) {
                  y[(m * ho + i) * wo + j] += wt * x[(c * sh.height() + r) * sh.width() + s];
                }
              }
            }
          }
        }
      }
    }
    return y;
  }

  private static double[] fc(LinearOp op, double[] w, double[] x) {
    double[] y = new double[op.outFeatures()];
    for (int m = 0; m < y.length; m++) {
      double acc = 0;
      for (int j = 0; j < op.inFeatures(); j++) {
        acc += w[m * op.inFeatures() + j] * x[j];
      }
      y[m] = acc;
    }
    return y;
  }
}
