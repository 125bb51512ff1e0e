package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

/**
 * Circuit privacy for the server's result by noise flooding (Gentry 2009, section 21; the approach
 * Cheetah names for HomConv outputs): before returning {@code Enc(W r) - R}, the server adds to
 * every coefficient a uniform integer from {@code [-2^f, 2^f)} with {@code f = ceil(log2 B) +
 * lambda}, where {@code B} bounds the noise that depends on its weights ({@code ||w||_1 (e_max +
 * 1/2)} summed over the products). The client's view of each coefficient is then within
 * statistical distance {@code B / 2^f <= 2^-lambda} of a distribution independent of the weights;
 * the mask {@code R}, uniform on every coefficient (used or not), hides all other partial sums.
 * The default {@code lambda = 40} is per coefficient; {@code f} must stay below the noise limit
 * {@code log2(q / 2t)} by {@link #MARGIN_BITS}, otherwise flooding is refused.
 */
public final class NoiseFlooding {
  /** The default statistical security parameter per output coefficient. */
  public static final int DEFAULT_LAMBDA = 40;
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

  /** The flooding exponent {@code f} for a noise bound, checked against the parameters. */
  public static int floodBits(BfvParameters params, double noiseBound, int lambda) {
    int f = (int) Math.ceil(Math.log(Math.max(noiseBound, 2)) / Math.log(2)) + lambda;
    if (f + MARGIN_BITS > params.noiseLimitBits()) {
      throw new IllegalArgumentException(String.format(
          "noise flooding needs 2^%d but the noise limit of N=%d, log q=%.1f, t=2^%d is 2^%.1f:"
              + " the weights are too large for lambda=%d", f, params.n(), params.log2q(),
          params.plainBits(), params.noiseLimitBits(), lambda));
    }
    return f;
  }

  /** Floods {@code ct} (coefficient form) for the given noise bound. */
  public static void apply(BfvEvaluator evaluator, BfvParameters params, Ciphertext ct,
      double noiseBound, int lambda, AesPrg prg) {
    evaluator.flood(ct, floodBits(params, noiseBound, lambda), prg);
  }
}
