package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

/**
 * A BFV secret key: a uniformly random ternary polynomial {@code s} in {@code {-1, 0, 1}^N}, kept
 * in NTT form for every RNS prime. Only the client holds it.
 */
public final class SecretKey {
  final BfvParameters params;
  final long[] sNtt;

  private SecretKey(BfvParameters params, long[] sNtt) {
    this.params = params;
    this.sNtt = sNtt;
  }

  /** Draws a fresh key. */
  public static SecretKey generate(BfvParameters params, AesPrg prg) {
    return new SecretKey(params, ternaryNtt(params, prg));
  }

  /** A uniformly random ternary polynomial, in NTT form for every prime. */
  static long[] ternaryNtt(BfvParameters params, AesPrg prg) {
    int n = params.n();
    long[] s = new long[params.primeCount() * n];
    for (int j = 0; j < n; j++) {
      long v = prg.nextLong(3) - 1;
      for (int i = 0; i < params.primeCount(); i++) {
        s[i * n + j] = params.prime(i).reduce(v);
      }
    }
    for (int i = 0; i < params.primeCount(); i++) {
      params.ntt(i).forward(s, i * n);
    }
    return s;
  }

  /** The parameters the key belongs to. */
  public BfvParameters params() {
    return params;
  }
}
