package io.deepreshape.pi.quant;

import io.deepreshape.pi.he.ConvShape;

/**
 * Linear layers in the clear over {@code Z_{2^l}}: blocked loops over {@code long} whose 64-bit
 * wrap-around agrees with the ring modulo {@code 2^l}, reduced once at the end. The server's
 * online linear layers (PI-ENGINE.md section 2, "plain integer arithmetic") and the plaintext
 * reference use the same code.
 */
public final class RingLinear {
  private RingLinear() {}

  /** {@code W x} (no bias), not reduced: callers mask with {@code 2^l - 1}. */
  public static long[] apply(LinearOp op, long[] w, long[] x) {
    return op.isConv() ? conv(op.conv(), w, x) : fc(op.inFeatures(), op.outFeatures(), w, x);
  }

  /** Convolution {@code y[m][i][j] = sum k[m][c][u][v] x[c][i s + u - p][j s + v - p]}. */
  public static long[] conv(ConvShape sh, long[] k, long[] x) {
    long[] y = new long[sh.kernels() * sh.outHeight() * sh.outWidth()];
    convChannels(sh, k, x, y, 0, sh.kernels());
    return y;
  }

  /**
   * Adds to {@code y} the output channels {@code from .. to-1} of {@link #conv}: disjoint ranges
   * may run on different threads.
   */
  public static void convChannels(ConvShape sh, long[] k, long[] x, long[] y, int from, int to) {
    int ho = sh.outHeight();
    int wo = sh.outWidth();
    int h = sh.height();
    int w = sh.width();
    int kk = sh.kernel();
    int st = sh.stride();
    int pad = sh.padding();
    int cin = sh.channels();
    for (int m = from; m < to; m++) {
      int yBase = m * ho * wo;
      for (int c = 0; c < cin; c++) {
        int xBase = c * h * w;
        for (int u = 0; u < kk; u++) {
          for (int v = 0; v < kk; v++) {
            long wt = k[((m * cin + c) * kk + u) * kk + v];
            if (wt == 0) {
              continue;
            }
            int j0 = Math.max(0, ceilDiv(pad - v, st));
            int j1 = Math.min(wo, Math.floorDiv(w - 1 + pad - v, st) + 1);
            for (int i = 0; i < ho; i++) {
              int r = i * st + u - pad;
              if (r < 0 || r >= h) {
                continue;
              }
              int xRow = xBase + r * w + v - pad;
              int yRow = yBase + i * wo;
              if (st == 1) {
                for (int j = j0; j < j1; j++) {
                  y[yRow + j] += wt * x[xRow + j];
                }
              } else {
                for (int j = j0; j < j1; j++) {
                  y[yRow + j] += wt * x[xRow + j * st];
                }
              }
            }
          }
        }
      }
    }
  }

  /** Matrix-vector product {@code y = W x}, {@code W} row-major {@code out x in}. */
  public static long[] fc(int in, int out, long[] w, long[] x) {
    long[] y = new long[out];
    for (int m = 0; m < out; m++) {
      long acc = 0;
      int base = m * in;
      for (int j = 0; j < in; j++) {
        acc += w[base + j] * x[j];
      }
      y[m] = acc;
    }
    return y;
  }

  /** Adds {@code bias[channel]} to every element of each channel's plane. */
  public static void addBias(LinearOp op, long[] y, long[] bias) {
    int plane = op.outPlane();
    for (int m = 0; m < op.outChannels(); m++) {
      long b = bias[m];
      for (int p = m * plane; p < (m + 1) * plane; p++) {
        y[p] += b;
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
