package io.deepreshape.pi.he;

/**
 * The noise that depends on the server's weights, which flooding must cover (Gentry 2009, section
 * 21; {@link FloodingBudget} sets the flooding width and {@link ReplySealer} adds it): every output
 * coefficient of a sum of products of fresh ciphertexts with weight polynomials {@code w} carries
 * {@code sum ((e + eps) w)_j}, with {@code e} the client's encryption error ({@code |e| <= 21}) and
 * {@code eps} the encoding's rounding ({@code |eps| <= 1/2}), so at most {@code ||w||_1 (21 + 1/2)}
 * whatever the client's randomness: a worst-case bound, with no probability of failure.
 */
public final class NoiseFlooding {
  /** Bits kept free below the decryption limit after flooding. */
  public static final int MARGIN_BITS = 2;

  private NoiseFlooding() {}

  /** The worst-case noise of products with weight polynomials whose L1 norms sum to {@code l1}. */
  public static double worstCaseBound(double l1) {
    return l1 * (Encryptor.ERROR_BOUND + 0.5) + 1;
  }
}
