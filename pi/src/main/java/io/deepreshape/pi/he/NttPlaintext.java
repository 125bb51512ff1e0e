package io.deepreshape.pi.he;

/**
 * An unscaled plaintext polynomial with small signed integer coefficients (a kernel or weight
 * polynomial) in NTT form for every RNS prime.
 */
public final class NttPlaintext {
  final long[] values;

  NttPlaintext(long[] values) {
    this.values = values;
  }

  /**
   * Encodes {@code coeffs} (values modulo {@code t}, taken as centred representatives in {@code
   * [-t/2, t/2)} to keep the noise small) and transforms it.
   */
  public static NttPlaintext encode(BfvParameters params, long[] coeffs) {
    int n = params.n();
    if (coeffs.length != n) {
      throw new IllegalArgumentException("plaintext must have " + n + " coefficients, got "
          + coeffs.length);
    }
    int shift = 64 - params.plainBits();
    // |centred| <= t/2 <= 2^54, below every prime, when t <= 2^55
    boolean small = params.plainBits() <= Modulus.BITS;
    long[] values = new long[params.primeCount() * n];
    for (int j = 0; j < n; j++) {
      long centred = (coeffs[j] << shift) >> shift;
      for (int i = 0; i < params.primeCount(); i++) {
        Modulus mod = params.prime(i);
        values[i * n + j] = small ? mod.fromSmall(centred) : mod.reduce(centred);
      }
    }
    for (int i = 0; i < params.primeCount(); i++) {
      params.ntt(i).forward(values, i * n);
    }
    return new NttPlaintext(values);
  }
}
