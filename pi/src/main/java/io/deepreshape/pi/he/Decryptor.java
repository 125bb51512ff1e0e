package io.deepreshape.pi.he;

/**
 * BFV decryption (the client's): {@code m = round(t (c0 + c1 s) / q) mod t}, for parameters of one
 * or two primes (replies are switched down to one before they are sent). The RNS value is
 * recombined by CRT into a 128-bit integer {@code x < q}; a double-precision estimate of {@code t x
 * / q} is corrected exactly with the 128-bit residual {@code t x - q m}, which also measures the
 * noise ({@code residual / t}).
 */
public final class Decryptor {
  private final SecretKey key;
  private final BfvParameters params;
  private final double q;
  private final double tOverQ;

  /** A decryptor under {@code key}, for its own parameters. */
  public Decryptor(SecretKey key) {
    this(key, key.params);
  }

  /**
   * A decryptor under {@code key} for ciphertexts over {@code params}, the first one or two primes
   * of the key's parameters ({@link BfvParameters#firstPrimes}).
   */
  public Decryptor(SecretKey key, BfvParameters params) {
    if (params.primeCount() > 2 || params.n() != key.params.n()
        || key.params.firstPrimes(params.primeCount()) != params) {
      throw new IllegalArgumentException("a decryptor needs one or two primes of the key's own "
          + "parameters, got " + params.primeCount() + " primes at N=" + params.n());
    }
    this.key = key;
    this.params = params;
    this.q = params.q().doubleValue();
    this.tOverQ = Math.pow(2, params.plainBits()) / q;
  }

  /** Decrypts to {@code N} coefficients in {@code [0, t)}. */
  public long[] decrypt(Ciphertext ct) {
    long[] m = new long[params.n()];
    phase(ct, m, null);
    return m;
  }

  /**
   * Decrypts a reply at its positions: {@code N} coefficients, those at the reply's positions in
   * {@code [0, t)}, the others 0.
   */
  public long[] decrypt(SparseReply reply) {
    long[] m = new long[params.n()];
    phase(expand(reply), m, reply.positions);
    return m;
  }

  /** {@link #noiseBits(Ciphertext)} over a reply's positions. */
  public double noiseBits(SparseReply reply) {
    double maxResidual = phase(expand(reply), new long[params.n()], reply.positions);
    return Math.log(Math.max(maxResidual, 1) / Math.pow(2, params.plainBits())) / Math.log(2);
  }

  /** The reply as a coefficient-form ciphertext with {@code c0} zero off its positions. */
  private Ciphertext expand(SparseReply reply) {
    if (reply.params != params) {
      throw new IllegalArgumentException("the reply is not over this decryptor's parameters");
    }
    int n = params.n();
    int w = reply.positions.length;
    long[] c0 = new long[params.primeCount() * n];
    for (int i = 0; i < params.primeCount(); i++) {
      for (int k = 0; k < w; k++) {
        c0[i * n + reply.positions[k]] = reply.c0[i * w + k];
      }
    }
    return new Ciphertext(c0, reply.c1, false);
  }

  /**
   * {@code log2} of the largest noise magnitude {@code |c0 + c1 s - round(q m / t)|} over the
   * coefficients (about, within rounding); decryption is correct while it stays below {@link
   * BfvParameters#noiseLimitBits()}.
   */
  public double noiseBits(Ciphertext ct) {
    double maxResidual = phase(ct, new long[params.n()], null);
    return Math.log(Math.max(maxResidual, 1) / Math.pow(2, params.plainBits())) / Math.log(2);
  }

  /**
   * Decrypts into {@code m} at {@code positions} (every coefficient if null); returns the largest
   * {@code |t x - q m|} there.
   */
  private double phase(Ciphertext ct, long[] m, int[] positions) {
    int n = params.n();
    int k = params.primeCount();
    long[] x = new long[k * n];
    long[] c1 = ct.c1.clone();
    for (int i = 0; i < k; i++) {
      Modulus mod = params.prime(i);
      if (!ct.ntt) {
        params.ntt(i).forward(c1, i * n);
      }
      for (int j = i * n; j < (i + 1) * n; j++) {
        x[j] = mod.mul(c1[j], key.sNtt[j]);
      }
      if (ct.ntt) {
        for (int j = i * n; j < (i + 1) * n; j++) {
          x[j] = mod.add(x[j], ct.c0[j]);
        }
        params.ntt(i).inverse(x, i * n);
      } else {
        params.ntt(i).inverse(x, i * n);
        for (int j = i * n; j < (i + 1) * n; j++) {
          x[j] = mod.add(x[j], ct.c0[j]);
        }
      }
    }
    double maxResidual = 0;
    int count = positions == null ? n : positions.length;
    for (int at = 0; at < count; at++) {
      int j = positions == null ? at : positions[at];
      maxResidual = Math.max(maxResidual, k == 1 ? round(0, x[j], m, j)
          : round(crtHigh(x[j], x[n + j]), x[n + j], m, j));
    }
    return maxResidual;
  }

  /** The CRT quotient {@code k = (x1 - x2) / p2 mod p1}, so that {@code x = x2 + p2 k}. */
  private long crtHigh(long x1, long x2) {
    Modulus p1 = params.prime(0);
    return p1.mul(p1.sub(x1, x2), params.p2InvModP1());
  }

  /**
   * Rounds one coefficient {@code x = x2 + p2 k} (two primes) or {@code x = x2} (one prime, {@code
   * k = 0}); returns {@code |t x - q m|}.
   */
  private double round(long k, long x2, long[] out, int j) {
    long p2 = params.primeCount() == 2 ? params.prime(1).value() : 0;
    long lo = p2 * k;
    long hi = Math.multiplyHigh(p2, k);
    long lo2 = lo + x2;
    hi += Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
    lo = lo2;
    int l = params.plainBits();
    double xd = hi * 0x1p64 + unsigned(lo);
    long mt = Math.round(xd * tOverQ);
    // residual r = t x - q mt over 128 bits (exact: its true value is far below 2^127)
    long txHi = (hi << l) | (lo >>> (64 - l));
    long txLo = lo << l;
    long qmLo = params.qLo() * mt;
    long qmHi = Modulus.umulhi(params.qLo(), mt) + params.qHi() * mt;
    long rLo = txLo - qmLo;
    long rHi = txHi - qmHi - (Long.compareUnsigned(txLo, qmLo) < 0 ? 1 : 0);
    double r = rHi * 0x1p64 + unsigned(rLo);
    while (r > q / 2) {
      mt++;
      r -= q;
    }
    while (r < -q / 2) {
      mt--;
      r += q;
    }
    out[j] = mt & params.plainMask();
    return Math.abs(r);
  }

  private static double unsigned(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }
}
