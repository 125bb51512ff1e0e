package io.deepreshape.pi.he;

/**
 * The noise that depends on the server's weights, which flooding must cover (Gentry 2009, section
 * 21; {@link FloodingBudget} sets the flooding width and {@link ReplySealer} adds it): the sum over
 * the products of fresh ciphertexts with weight polynomials {@code w} of {@code (e + eps) w}, with
 * {@code e} the client's encryption error ({@code |e| <= 21}) and {@code eps} the encoding's
 * rounding ({@code |eps| <= 1/2}). It is bounded by {@code ||w||_1 (21 + 1/2)} in the worst case
 * and, except with probability {@code 2^-80}, by a sub-Gaussian tail bound on {@code ||w||_2}.
 */
public final class NoiseFlooding {
  /** Bits kept free below the decryption limit after flooding. */
  public static final int MARGIN_BITS = 2;

  private NoiseFlooding() {}

  /** {@code sqrt(2 * 21.25 * ln(2 / 2^-80))}: the tail factor on {@code ||w||_2}. */
  static final double TAIL_FACTOR = Math.sqrt(2 * (Encryptor.ERROR_BOUND + 0.25)
      * Math.log(2) * 81);

  /**
   * A bound on the noise of a sum of products of fresh ciphertexts with weight polynomials whose
   * L1 norms and squared L2 norms sum to the given values.
   */
  public static double noiseBound(double sumOfL1Norms, double sumOfL2NormsSquared) {
    double worst = sumOfL1Norms * (Encryptor.ERROR_BOUND + 0.5);
    double tail = TAIL_FACTOR * Math.sqrt(sumOfL2NormsSquared);
    return Math.min(worst, tail) + 1;
  }
}
