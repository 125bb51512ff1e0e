package io.deepreshape.packing;

/**
 * Cheetah's packing of a matrix-vector product {@code y = W x}, {@code W} of {@code outputs x
 * inputs}: the input in groups of {@code groupSize} entries, {@code rowsPerPoly} rows of {@code W}
 * per weight polynomial.
 *
 * @param groupSize input entries per polynomial, {@code min(inputs, N)}
 * @param rowsPerPoly rows per weight polynomial, {@code min(outputs, N / groupSize)}
 * @param groups input polynomials
 * @param blocks output polynomials (row blocks)
 */
public record FcPacking(int groupSize, int rowsPerPoly, int groups, int blocks) {

  /** The packing of an {@code outputs x inputs} product for ring degree {@code n}. */
  public static FcPacking plan(int inputs, int outputs, int n) {
    if (inputs < 1 || outputs < 1) {
      throw new IllegalArgumentException("FC sizes must be >= 1, got " + outputs + "x" + inputs);
    }
    int cg = Math.min(inputs, n);
    int rows = Math.min(outputs, n / cg);
    return new FcPacking(cg, rows, (inputs + cg - 1) / cg, (outputs + rows - 1) / rows);
  }

  public long inputPolys() {
    return groups;
  }

  public long outputPolys() {
    return blocks;
  }

  /** Ciphertext-by-plaintext polynomial products: every group for every row block. */
  public long products() {
    return (long) groups * blocks;
  }
}
