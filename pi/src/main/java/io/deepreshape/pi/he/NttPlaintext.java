package io.deepreshape.pi.he;

/**
 * An unscaled plaintext polynomial with small signed integer coefficients (a kernel or weight
 * polynomial) in NTT form for every RNS prime, with its L1 norm for noise accounting.
 */
public final class NttPlaintext {
  final long[] values;
  private final double l1Norm;
  private final double l2NormSquared;

  private NttPlaintext(long[] values, double l1Norm, double l2NormSquared) {
    this.values = values;
    this.l1Norm = l1Norm;
    this.l2NormSquared = l2NormSquared;
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
    long[] values = new long[params.primeCount() * n];
    double l1 = 0;
    double l2 = 0;
    for (int j = 0; j < n; j++) {
      long centred = (coeffs[j] << shift) >> shift;
      l1 += Math.abs((double) centred);
      l2 += (double) centred * centred;
      for (int i = 0; i < params.primeCount(); i++) {
        values[i * n + j] = params.prime(i).reduce(centred);
      }
    }
    for (int i = 0; i < params.primeCount(); i++) {
      params.ntt(i).forward(values, i * n);
    }
    return new NttPlaintext(values, l1, l2);
  }

  /** Sum of the absolute values of the (centred) coefficients. */
  public double l1Norm() {
    return l1Norm;
  }

  /** Sum of the squares of the (centred) coefficients. */
  public double l2NormSquared() {
    return l2NormSquared;
  }
}
