package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

/**
 * Secret-key BFV encryption (the client's): {@code c1 = a} uniform (expanded from a fresh seed,
 * {@link SeededCiphertext}), {@code c0 = -a s +
 * round(q m / t) + e}, with {@code e} from the centred binomial distribution with {@code eta = 21}
 * (standard deviation {@code sqrt(21/2) = 3.24}, the HE standard's 3.2; every {@code |e| <= 21}).
 * The result is in NTT form, ready for plaintext products. Not thread-safe.
 */
public final class Encryptor {
  /** Largest absolute value of a fresh error coefficient. */
  public static final int ERROR_BOUND = 21;

  private final SecretKey key;
  private final AesPrg prg;

  /** An encryptor under {@code key} drawing randomness from {@code prg}. */
  public Encryptor(SecretKey key, AesPrg prg) {
    this.key = key;
    this.prg = prg;
  }

  /** Encrypts {@code N} plaintext coefficients in {@code [0, t)} (higher bits are ignored). */
  public Ciphertext encrypt(long[] plain) {
    return encryptSeeded(plain).expand();
  }

  /**
   * Encrypts as {@link #encrypt}, with {@code c1 = a} expanded from a fresh seed drawn from this
   * encryptor's PRG ({@link SeededCiphertext}).
   */
  public SeededCiphertext encryptSeeded(long[] plain) {
    BfvParameters params = key.params;
    int n = params.n();
    int k = params.primeCount();
    long seed0 = prg.nextLong();
    long seed1 = prg.nextLong();
    long[] a = SeededCiphertext.expandA(params, seed0, seed1);
    long[] c0 = new long[k * n];
    for (int j = 0; j < n; j++) {
      long e = error(prg);
      for (int i = 0; i < k; i++) {
        c0[i * n + j] = params.prime(i).reduce(e);
      }
    }
    PlainEncoding.addScaled(params, c0, plain, 1);
    for (int i = 0; i < k; i++) {
      Modulus mod = params.prime(i);
      params.ntt(i).forward(c0, i * n);
      for (int j = i * n; j < (i + 1) * n; j++) {
        c0[j] = mod.sub(c0[j], mod.mul(a[j], key.sNtt[j]));
      }
    }
    return new SeededCiphertext(params, seed0, seed1, c0);
  }

  /** One error coefficient: centred binomial, {@code eta = 21}. */
  static long error(AesPrg prg) {
    long x = prg.nextLong();
    return Long.bitCount(x & 0x1FFFFF) - Long.bitCount((x >>> 21) & 0x1FFFFF);
  }
}
