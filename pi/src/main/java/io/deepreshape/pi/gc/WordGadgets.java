package io.deepreshape.pi.gc;

/**
 * Arithmetic on l-bit two's-complement words (bit 0 first) over a {@link CircuitBuilder}, with the
 * AND-gate counts of PI-ENGINE.md section 2: a ripple-carry adder with one AND per carry ({@code
 * l - 1}), subtraction as {@code NOT(NOT x + y)} at the same cost, a multiplexer at one AND per
 * bit, and a signed comparison at {@code l} ANDs.
 */
public final class WordGadgets {
  private WordGadgets() {}

  /** {@code x + y mod 2^n}: {@code n - 1} AND gates (carry {@code c' = c ^ ((x^c) & (y^c))}). */
  public static int[] add(CircuitBuilder b, int[] x, int[] y) {
    int n = checkSameLength(x, y);
    int[] s = new int[n];
    int c = CircuitBuilder.ZERO;
    for (int i = 0; i < n; i++) {
      s[i] = b.xor(b.xor(x[i], y[i]), c);
      if (i < n - 1) {
        c = b.xor(c, b.and(b.xor(x[i], c), b.xor(y[i], c)));
      }
    }
    return s;
  }

  /** {@code x - y mod 2^n} as {@code NOT(NOT x + y)}: {@code n - 1} AND gates. */
  public static int[] sub(CircuitBuilder b, int[] x, int[] y) {
    return not(b, add(b, not(b, x), y));
  }

  /** Bitwise NOT (free). */
  public static int[] not(CircuitBuilder b, int[] x) {
    int[] r = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = b.not(x[i]);
    }
    return r;
  }

  /** {@code cond ? x : y}: one AND per bit ({@code y ^ (cond & (x ^ y))}). */
  public static int[] mux(CircuitBuilder b, int cond, int[] x, int[] y) {
    int n = checkSameLength(x, y);
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = b.xor(y[i], b.and(cond, b.xor(x[i], y[i])));
    }
    return r;
  }

  /** Arithmetic shift right by {@code s}: the top {@code s} bits copy the sign bit (free). */
  public static int[] shiftRightArith(int[] x, int s) {
    int n = x.length;
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = x[Math.min(i + s, n - 1)];
    }
    return r;
  }

  /** Signed {@code x < y}: {@code n} AND gates, the sign of the (n+1)-bit difference. */
  public static int lessThanSigned(CircuitBuilder b, int[] x, int[] y) {
    int n = checkSameLength(x, y);
    // sign of (x - y) over n+1 bits = NOT(top bit of NOT(sext x) + sext y)
    int c = CircuitBuilder.ZERO;
    for (int i = 0; i < n; i++) {
      int xi = b.not(x[i]);
      c = b.xor(c, b.and(b.xor(xi, c), b.xor(y[i], c)));
    }
    int top = b.xor(b.xor(b.not(x[n - 1]), y[n - 1]), c);
    return b.not(top);
  }

  /** Signed maximum: {@code 2n} AND gates. */
  public static int[] maxSigned(CircuitBuilder b, int[] x, int[] y) {
    return mux(b, lessThanSigned(b, x, y), y, x);
  }

  private static int checkSameLength(int[] x, int[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("words must have the same nonzero length: " + x.length
          + " vs " + y.length);
    }
    return x.length;
  }
}
