package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

/**
 * An RLWE public key {@code (b, a) = (-a s + e, a)} under the client's secret {@code s}, in NTT
 * form for every prime ({@code a} uniform, {@code e} from the encryptor's error distribution). The
 * client sends it once per session; the server adds a fresh encryption of zero under it to every
 * reply ({@link ReplySealer}), so that the reply's {@code c1} is no longer a function of the
 * client's own randomness and the server's weights.
 */
public final class PublicKey {
  final BfvParameters params;
  final long[] b;
  final long[] a;

  private PublicKey(BfvParameters params, long[] b, long[] a) {
    this.params = params;
    this.b = b;
    this.a = a;
  }

  /** Draws a public key for {@code key}. */
  public static PublicKey generate(SecretKey key, AesPrg prg) {
    Ciphertext zero = new Encryptor(key, prg).encrypt(new long[key.params.n()]);
    return new PublicKey(key.params, zero.c0, zero.c1);
  }

  /** The parameters the key belongs to. */
  public BfvParameters params() {
    return params;
  }

  /** Serialises to {@code 2 * primeCount * N} longs ({@code b} then {@code a}). */
  public long[] toLongs() {
    long[] out = new long[2 * b.length];
    System.arraycopy(b, 0, out, 0, b.length);
    System.arraycopy(a, 0, out, b.length, a.length);
    return out;
  }

  /** Parses {@link #toLongs} output, checking the size and that every residue is reduced. */
  public static PublicKey fromLongs(BfvParameters params, long[] data) {
    int len = params.primeCount() * params.n();
    if (data.length != 2 * len) {
      throw new IllegalArgumentException("not a public key of N=" + params.n() + " and "
          + params.primeCount() + " primes: " + data.length + " longs");
    }
    long[] withFlag = new long[2 * len + 1];
    System.arraycopy(data, 0, withFlag, 0, 2 * len);
    withFlag[2 * len] = 1;
    Ciphertext parsed = Ciphertext.fromLongs(params, withFlag);
    return new PublicKey(params, parsed.c0, parsed.c1);
  }
}
