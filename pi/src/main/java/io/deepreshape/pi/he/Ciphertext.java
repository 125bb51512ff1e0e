package io.deepreshape.pi.he;

/**
 * A BFV ciphertext {@code (c0, c1)} with {@code c0 + c1 s = round(q m / t) + e (mod q)}, each
 * component in RNS: {@code primeCount * N} longs, prime {@code i} at offset {@code i * N}, either
 * in NTT (evaluation) form or in coefficient form. Mutable: the evaluator works in place.
 */
public final class Ciphertext {
  final long[] c0;
  final long[] c1;
  boolean ntt;

  Ciphertext(long[] c0, long[] c1, boolean ntt) {
    this.c0 = c0;
    this.c1 = c1;
    this.ntt = ntt;
  }

  /** A zero ciphertext in NTT form (an accumulator). */
  public static Ciphertext zero(BfvParameters params) {
    int len = params.primeCount() * params.n();
    return new Ciphertext(new long[len], new long[len], true);
  }

  /** Whether the components are in NTT form. */
  public boolean isNtt() {
    return ntt;
  }

  /** Serialises to {@code 2 * primeCount * N + 1} longs (the flag last), for a channel. */
  public long[] toLongs() {
    long[] out = new long[c0.length * 2 + 1];
    System.arraycopy(c0, 0, out, 0, c0.length);
    System.arraycopy(c1, 0, out, c0.length, c1.length);
    out[out.length - 1] = ntt ? 1 : 0;
    return out;
  }

  /** Parses {@link #toLongs} output, checking size and that every residue is reduced. */
  public static Ciphertext fromLongs(BfvParameters params, long[] data) {
    int len = params.primeCount() * params.n();
    if (data.length != 2 * len + 1 || (data[2 * len] >>> 1) != 0) {
      throw new IllegalArgumentException("not a ciphertext of N=" + params.n() + ": "
          + data.length + " longs");
    }
    long[] c0 = new long[len];
    long[] c1 = new long[len];
    System.arraycopy(data, 0, c0, 0, len);
    System.arraycopy(data, len, c1, 0, len);
    for (int i = 0; i < params.primeCount(); i++) {
      long p = params.prime(i).value();
      for (int j = i * params.n(); j < (i + 1) * params.n(); j++) {
        if (c0[j] < 0 || c0[j] >= p || c1[j] < 0 || c1[j] >= p) {
          throw new IllegalArgumentException("ciphertext residue out of range at " + j);
        }
      }
    }
    return new Ciphertext(c0, c1, data[2 * len] == 1);
  }
}
