package io.deepreshape.pi.quant;

import io.deepreshape.pi.he.ConvShape;
import java.util.Arrays;

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
    long[] xp = padded(sh, x);
    int[] taps = tapOffsets(sh);
    int m = from;
    for (; m + BLOCK <= to; m += BLOCK) {
      convBlock(sh, Taps.of(k, taps, m, BLOCK), xp, y, m);
    }
    for (; m < to; m++) {
      convOne(sh, Taps.of(k, taps, m, 1), xp, y, m);
    }
  }

  /** Output channels computed together: each input value loaded once serves all of them. */
  private static final int BLOCK = 4;

  /** {@code x} with {@code padding} zeros around each channel, so that no window needs a bounds check. */
  private static long[] padded(ConvShape sh, long[] x) {
    int p = sh.padding();
    int h = sh.height();
    int w = sh.width();
    int wp = w + 2 * p;
    int hp = h + 2 * p;
    long[] xp = new long[sh.channels() * hp * wp];
    for (int c = 0; c < sh.channels(); c++) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(x, (c * h + r) * w, xp, (c * hp + r + p) * wp + p, w);
      }
    }
    return xp;
  }

  /** Where tap {@code (c, u, v)} of a window lies in the padded input, from the window's corner. */
  private static int[] tapOffsets(ConvShape sh) {
    int kk = sh.kernel();
    int wp = sh.width() + 2 * sh.padding();
    int hp = sh.height() + 2 * sh.padding();
    int[] off = new int[sh.channels() * kk * kk];
    int t = 0;
    for (int c = 0; c < sh.channels(); c++) {
      for (int u = 0; u < kk; u++) {
        for (int v = 0; v < kk; v++) {
          off[t++] = (c * hp + u) * wp + v;
        }
      }
    }
    return off;
  }

  /**
   * The taps of channels {@code m .. m+n-1} with a weight other than zero in any of them (a pruned
   * network skips its zeros), and their weights tap by tap: {@code w[t n + q]} is channel {@code
   * m+q}'s.
   */
  private record Taps(int[] offsets, long[] w) {
    static Taps of(long[] k, int[] all, int m, int n) {
      int per = all.length;
      int[] offsets = new int[per];
      long[] w = new long[per * n];
      int kept = 0;
      for (int t = 0; t < per; t++) {
        boolean any = false;
        for (int q = 0; q < n; q++) {
          long v = k[(m + q) * per + t];
          w[kept * n + q] = v;
          any |= v != 0;
        }
        if (any) {
          offsets[kept++] = all[t];
        }
      }
      return new Taps(Arrays.copyOf(offsets, kept), w);
    }
  }

  private static void convBlock(ConvShape sh, Taps tp, long[] xp, long[] y, int m) {
    int[] taps = tp.offsets();
    long[] wb = tp.w();
    int ho = sh.outHeight();
    int wo = sh.outWidth();
    int st = sh.stride();
    int wp = sh.width() + 2 * sh.padding();
    int plane = ho * wo;
    for (int i = 0; i < ho; i++) {
      for (int j = 0; j < wo; j++) {
        int corner = i * st * wp + j * st;
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        long a3 = 0;
        for (int t = 0; t < taps.length; t++) {
          long xv = xp[corner + taps[t]];
          int b = t * BLOCK;
          a0 += wb[b] * xv;
          a1 += wb[b + 1] * xv;
          a2 += wb[b + 2] * xv;
          a3 += wb[b + 3] * xv;
        }
        int o = m * plane + i * wo + j;
        y[o] += a0;
        y[o + plane] += a1;
        y[o + 2 * plane] += a2;
        y[o + 3 * plane] += a3;
      }
    }
  }

  private static void convOne(ConvShape sh, Taps tp, long[] xp, long[] y, int m) {
    int[] taps = tp.offsets();
    long[] k = tp.w();
    int ho = sh.outHeight();
    int wo = sh.outWidth();
    int st = sh.stride();
    int wp = sh.width() + 2 * sh.padding();
    for (int i = 0; i < ho; i++) {
      for (int j = 0; j < wo; j++) {
        int corner = i * st * wp + j * st;
        long acc = 0;
        for (int t = 0; t < taps.length; t++) {
          acc += k[t] * xp[corner + taps[t]];
        }
        y[(m * ho + i) * wo + j] += acc;
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
}
