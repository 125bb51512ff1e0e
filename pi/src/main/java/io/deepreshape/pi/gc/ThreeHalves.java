package io.deepreshape.pi.gc;

/**
 * The linear algebra of three-halves garbling (Rosulek and Roy, CRYPTO 2021, section 5) that
 * garbler and evaluator share. A label is split into halves {@code L} (its low long, which holds
 * the colour bit) and {@code R} (its high long). An evaluator holding labels {@code A, B} of
 * colours {@code i, j} computes the output label as
 *
 * <pre>
 *   C_L = H(A) + H(A+B) + i G0 + (i+j) G2 + R_ij,L . (A_L, A_R, B_L, B_R)
 *   C_R = H(B) + H(A+B) + j G1 + (i+j) G2 + R_ij,R . (A_L, A_R, B_L, B_R)
 * </pre>
 *
 * over GF(2), with 64-bit halves of the hashes and three half-size ciphertexts {@code G0, G1,
 * G2}. The 2x4 bit matrix {@code R_ij = Rp_ij + r1 S1 + r2 S2} has a public part that depends
 * only on the colours ({@code Rp_ij}: {@code L} row {@code (1-i) B_L}, {@code R} row {@code (1-j)
 * A_R}) and a secret part in the span of {@code S1} ({@code L}: {@code A_L+A_R+B_L}, {@code R}:
 * {@code A_L+B_R}) and {@code S2} ({@code L}: {@code A_L+B_R}, {@code R}: {@code A_R+B_L+B_R}),
 * selected by two control bits the evaluator decrypts with one more hash bit each from the five
 * control bits sent with the gate. These are the only matrices of this shape for which every one of
 * the four colour pairs decrypts to its correct output label while each pair's {@code R_ij} alone
 * is uniform in its coset whatever the inputs' permute bits (the control bits' garbler-side masks
 * {@code rho0, rho1} are fresh random bits per gate); derived by a search over GF(2) and checked
 * gate by gate in the tests.
 */
final class ThreeHalves {
  private ThreeHalves() {}

  /** The {@code L} half of {@code R_ij . labels}; {@code notI} is all ones when {@code i = 0}. */
  static long left(long notI, long r1, long r2, long al, long ar, long bl, long br) {
    return (notI & bl) ^ (r1 & (al ^ ar ^ bl)) ^ (r2 & (al ^ br));
  }

  /** The {@code R} half of {@code R_ij . labels}; {@code notJ} is all ones when {@code j = 0}. */
  static long right(long notJ, long r1, long r2, long al, long ar, long bl, long br) {
    return (notJ & ar) ^ (r1 & (al ^ br)) ^ (r2 & (ar ^ bl ^ br));
  }

  /**
   * The evaluator's first control bit from the five sent ({@code z}), its colours {@code i, j} and
   * the high halves of {@code H(A)} and {@code H(A+B)} (their lowest bits are the extra hash bits).
   */
  static int firstControl(int z, int i, int j, long hAHigh, long hXHigh) {
    return (int) ((hAHigh ^ hXHigh) & 1) ^ (z & 1) ^ (i & z >> 2) ^ ((i ^ j) & z >> 4) & 1;
  }

  /** The evaluator's second control bit, from the high halves of {@code H(B)} and {@code H(A+B)}. */
  static int secondControl(int z, int i, int j, long hBHigh, long hXHigh) {
    return (int) ((hBHigh ^ hXHigh) & 1) ^ (z >> 1 & 1) ^ (j & z >> 3) ^ ((i ^ j) & z >> 4) & 1;
  }

  /** Gate {@code g}'s five control bits from the packed region at {@code base}. */
  static int control(long[] tables, int base, long g) {
    long p = 5 * g;
    int w = base + (int) (p >>> 6);
    int s = (int) (p & 63);
    long v = tables[w] >>> s;
    if (s > 59) {
      v |= tables[w + 1] << (64 - s);
    }
    return (int) (v & 31);
  }
}
