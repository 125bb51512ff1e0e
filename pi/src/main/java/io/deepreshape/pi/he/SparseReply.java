package io.deepreshape.pi.he;

/**
 * A sealed reply as the server sends it: the whole {@code c1} and {@code c0} only at the
 * coefficients that hold outputs (Cheetah's extraction, Huang et al. 2022, section 3.1: the
 * phase {@code c0_j + (c1 s)_j} at position {@code j} needs {@code c0} at {@code j} alone), both
 * in coefficient form over the reply's modulus. The positions are public (they follow from the
 * layer's shape) and are not sent. Prime {@code i} of {@code c0} is at offset {@code i |J|}, of
 * {@code c1} at {@code i N}.
 */
public final class SparseReply {
  final BfvParameters params;
  final int[] positions;
  final long[] c0;
  final long[] c1;

  SparseReply(BfvParameters params, int[] positions, long[] c0, long[] c1) {
    this.params = params;
    this.positions = positions;
    this.c0 = c0;
    this.c1 = c1;
  }

  /** Longs of a reply with {@code count} positions over {@code params}: {@code k (count + N)}. */
  public static int longs(BfvParameters params, int count) {
    return params.primeCount() * (count + params.n());
  }

  /** Serialises {@code c0} then {@code c1} into {@code out} at {@code offset}. */
  public void writeTo(long[] out, int offset) {
    System.arraycopy(c0, 0, out, offset, c0.length);
    System.arraycopy(c1, 0, out, offset + c0.length, c1.length);
  }

  /**
   * Parses {@link #writeTo} output at {@code offset}, checking that every residue is reduced;
   * {@code positions} must be those the server sealed at.
   */
  public static SparseReply read(BfvParameters params, int[] positions, long[] data,
      int offset) {
    if (!Positions.valid(positions, params.n())) {
      throw new IllegalArgumentException("reply positions must ascend within [0, N)");
    }
    int k = params.primeCount();
    int w = positions.length;
    if (offset < 0 || data.length - offset < longs(params, w)) {
      throw new IllegalArgumentException("not a reply of " + w + " positions at N=" + params.n());
    }
    long[] c0 = new long[k * w];
    long[] c1 = new long[k * params.n()];
    System.arraycopy(data, offset, c0, 0, c0.length);
    System.arraycopy(data, offset + c0.length, c1, 0, c1.length);
    for (int i = 0; i < k; i++) {
      long p = params.prime(i).value();
      checkRange(c0, i * w, (i + 1) * w, p);
      checkRange(c1, i * params.n(), (i + 1) * params.n(), p);
    }
    return new SparseReply(params, positions, c0, c1);
  }

  /** The positions this reply holds {@code c0} at. */
  public int[] positions() {
    return positions.clone();
  }

  private static void checkRange(long[] c, int from, int to, long p) {
    for (int j = from; j < to; j++) {
      if (c[j] < 0 || c[j] >= p) {
        throw new IllegalArgumentException("reply residue out of range at " + j);
      }
    }
  }
}
