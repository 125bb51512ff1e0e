package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

/**
 * The server's homomorphic operations, in place: plaintext-ciphertext products accumulated in NTT
 * form (one Barrett multiplication per coefficient and component), conversion to coefficient
 * form, addition and subtraction of scaled plaintexts, and addition of flooding noise.
 */
public final class BfvEvaluator {
  private final BfvParameters params;

  /** An evaluator for {@code params}. */
  public BfvEvaluator(BfvParameters params) {
    this.params = params;
  }

  /** {@code acc += ct * w}; both ciphertexts in NTT form. */
  public void multiplyAccumulate(Ciphertext acc, Ciphertext ct, NttPlaintext w) {
    requireNtt(acc);
    requireNtt(ct);
    int n = params.n();
    for (int i = 0; i < params.primeCount(); i++) {
      Modulus mod = params.prime(i);
      for (int j = i * n; j < (i + 1) * n; j++) {
        long wj = w.values[j];
        acc.c0[j] = mod.add(acc.c0[j], mod.mul(ct.c0[j], wj));
        acc.c1[j] = mod.add(acc.c1[j], mod.mul(ct.c1[j], wj));
      }
    }
  }

  /** Converts an NTT-form ciphertext to coefficient form. */
  public void toCoefficients(Ciphertext ct) {
    requireNtt(ct);
    for (int i = 0; i < params.primeCount(); i++) {
      params.ntt(i).inverse(ct.c0, i * params.n());
      params.ntt(i).inverse(ct.c1, i * params.n());
    }
    ct.ntt = false;
  }

  /** {@code ct += m} for a plaintext {@code m} in {@code [0, t)^N}; coefficient form. */
  public void addPlain(Ciphertext ct, long[] m) {
    requireCoefficients(ct);
    PlainEncoding.addScaled(params, ct.c0, m, 1);
  }

  /** {@code ct -= m} for a plaintext {@code m} in {@code [0, t)^N}; coefficient form. */
  public void subtractPlain(Ciphertext ct, long[] m) {
    requireCoefficients(ct);
    PlainEncoding.addScaled(params, ct.c0, m, -1);
  }

  /**
   * Adds to every coefficient of {@code c0} an integer drawn uniformly from {@code [-2^bits,
   * 2^bits)}; coefficient form.
   */
  public void flood(Ciphertext ct, int bits, AesPrg prg) {
    requireCoefficients(ct);
    if (bits < 1 || bits > 120) {
      throw new IllegalArgumentException("flooding bits must be in [1, 120], got " + bits);
    }
    int n = params.n();
    for (int j = 0; j < n; j++) {
      long low;
      long high;
      if (bits < 62) {
        low = prg.nextLong(1L << (bits + 1)) - (1L << bits);
        high = 0;
      } else {
        low = prg.nextLong() >>> 2;
        high = prg.nextLong(1L << (bits - 62 + 1)) - (1L << (bits - 62));
      }
      for (int i = 0; i < params.primeCount(); i++) {
        Modulus mod = params.prime(i);
        long v = mod.add(mod.reduce(low), mod.mul(mod.reduce(high), mod.reduce(1L << 62)));
        ct.c0[i * n + j] = mod.add(ct.c0[i * n + j], v);
      }
    }
  }

  private static void requireNtt(Ciphertext ct) {
    if (!ct.ntt) {
      throw new IllegalStateException("ciphertext must be in NTT form");
    }
  }

  private static void requireCoefficients(Ciphertext ct) {
    if (ct.ntt) {
      throw new IllegalStateException("ciphertext must be in coefficient form");
    }
  }
}
