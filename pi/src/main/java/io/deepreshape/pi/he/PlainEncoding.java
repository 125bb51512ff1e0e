package io.deepreshape.pi.he;

/**
 * Scaling of plaintexts {@code m} in {@code [0, t)} to {@code round(q m / t) mod q} in RNS, as
 * {@code floor(q/t) m + round((q mod t) m / t)} (the rounding keeps the encoding error at most
 * 1/2, so plaintext products wrap modulo {@code t} without extra noise, as in SEAL).
 */
final class PlainEncoding {
  private PlainEncoding() {}

  /** Adds ({@code sign = 1}) or subtracts ({@code sign = -1}) {@code round(q m / t)} to {@code c}. */
  static void addScaled(BfvParameters params, long[] c, long[] m, int sign) {
    addScaled(params, c, m, sign, params.n());
  }

  /**
   * {@link #addScaled} on {@code width} coefficients per prime (a reply's extracted {@code c0}:
   * prime {@code i} at offset {@code i * width}).
   */
  static void addScaled(BfvParameters params, long[] c, long[] m, int sign, int width) {
    int n = width;
    int l = params.plainBits();
    long mask = params.plainMask();
    long r = params.qModT();
    long half = 1L << (l - 1);
    if (m.length != n) {
      throw new IllegalArgumentException("plaintext must have " + n + " coefficients, got "
          + m.length);
    }
    for (int j = 0; j < n; j++) {
      long v = m[j] & mask;
      long lo = r * v;
      long hi = Math.multiplyHigh(r, v);
      long lo2 = lo + half;
      hi += Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
      long small = (hi << (64 - l)) | (lo2 >>> l);
      for (int i = 0; i < params.primeCount(); i++) {
        Modulus mod = params.prime(i);
        long e = mod.add(mod.mul(params.deltaMod(i), mod.reduce(v)), mod.reduce(small));
        int k = i * n + j;
        c[k] = sign > 0 ? mod.add(c[k], e) : mod.sub(c[k], e);
      }
    }
  }
}
