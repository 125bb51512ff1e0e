package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.LongBytes;

/**
 * A fresh secret-key ciphertext as the client sends it: {@code c0} (NTT form) and the 128-bit
 * seed its uniform {@code c1 = a} is expanded from ({@link #expandA}: AES-128 in counter mode
 * under the seed, rejection-sampled below each prime, as SEAL's seeded ciphertexts), half the
 * bytes of {@code (c0, c1)}. The seed is fresh per ciphertext and drawn from the client's own
 * PRG; docs/security.md gives the argument for a public seed.
 */
public final class SeededCiphertext {
  private final BfvParameters params;
  private final long seed0;
  private final long seed1;
  private final long[] c0;

  SeededCiphertext(BfvParameters params, long seed0, long seed1, long[] c0) {
    this.params = params;
    this.seed0 = seed0;
    this.seed1 = seed1;
    this.c0 = c0;
  }

  /** Longs of one seeded ciphertext over {@code params}: {@code primeCount * N + 2}. */
  public static int longs(BfvParameters params) {
    return params.primeCount() * params.n() + 2;
  }

  /** {@code a}: {@code primeCount * N} residues, uniform below each prime, in NTT form. */
  static long[] expandA(BfvParameters params, long seed0, long seed1) {
    byte[] seed = new byte[16];
    LongBytes.set(seed, 0, seed0);
    LongBytes.set(seed, 8, seed1);
    AesPrg prg = new AesPrg(seed);
    int n = params.n();
    long[] a = new long[params.primeCount() * n];
    for (int i = 0; i < params.primeCount(); i++) {
      long p = params.prime(i).value();
      for (int j = i * n; j < (i + 1) * n; j++) {
        a[j] = prg.nextLong(p);
      }
    }
    return a;
  }

  /** Serialises {@code c0} then the seed into {@code out} at {@code offset}. */
  public void writeTo(long[] out, int offset) {
    System.arraycopy(c0, 0, out, offset, c0.length);
    out[offset + c0.length] = seed0;
    out[offset + c0.length + 1] = seed1;
  }

  /**
   * Parses {@link #writeTo} output at {@code offset} (checking that every residue is reduced) and
   * expands it to the full ciphertext, in NTT form.
   */
  public static Ciphertext readExpanded(BfvParameters params, long[] data, int offset) {
    int len = params.primeCount() * params.n();
    if (offset < 0 || data.length - offset < longs(params)) {
      throw new IllegalArgumentException("not a seeded ciphertext of N=" + params.n());
    }
    long[] c0 = new long[len];
    System.arraycopy(data, offset, c0, 0, len);
    for (int i = 0; i < params.primeCount(); i++) {
      long p = params.prime(i).value();
      for (int j = i * params.n(); j < (i + 1) * params.n(); j++) {
        if (c0[j] < 0 || c0[j] >= p) {
          throw new IllegalArgumentException("ciphertext residue out of range at " + j);
        }
      }
    }
    long[] c1 = expandA(params, data[offset + len], data[offset + len + 1]);
    return new Ciphertext(c0, c1, true);
  }

  /** The full ciphertext {@code (c0, a)}, in NTT form. */
  public Ciphertext expand() {
    return new Ciphertext(c0.clone(), expandA(params, seed0, seed1), true);
  }
}
