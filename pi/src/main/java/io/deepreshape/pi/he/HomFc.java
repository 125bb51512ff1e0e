package io.deepreshape.pi.he;

import io.deepreshape.packing.FcPacking;
import java.util.Arrays;

/**
 * Cheetah's HomFC (Huang et al., USENIX Security 2022, section 3.3): a matrix-vector product {@code
 * y = W x} with {@code W} of {@code M x C}, in coefficient encoding. The input is cut into groups
 * of {@code Cg = min(C, N)} entries ({@code x_j} at coefficient {@code j}); a weight polynomial
 * holds {@code R = min(M, N / Cg)} rows, {@code W[r, j]} at {@code r Cg + Cg - 1 - j}; coefficient
 * {@code r Cg + Cg - 1} of the product, summed over the groups, is {@code y_r}. Wrapped-around
 * terms land below {@code Cg - 1} and never on an output.
 *
 * <p>Inputs are indexed by group, weight polynomials {@code rowBlock * groups + g}, outputs by row
 * block.
 */
public final class HomFc {
  private final int inputs;
  private final int outputs;
  private final int n;
  private final int cg;
  private final int rows;
  private final int groups;
  private final int blocks;

  /** Plans {@code outputs x inputs} products for ring degree {@code n}. */
  public HomFc(int inputs, int outputs, int n) {
    FcPacking plan = FcPacking.plan(inputs, outputs, n);
    this.inputs = inputs;
    this.outputs = outputs;
    this.n = n;
    this.cg = plan.groupSize();
    this.rows = plan.rowsPerPoly();
    this.groups = plan.groups();
    this.blocks = plan.blocks();
  }

  /** Number of input polynomials. */
  public int inputPolys() {
    return groups;
  }

  /** Number of output polynomials. */
  public int outputPolys() {
    return blocks;
  }

  /** Encodes {@code x} (length C, values mod t). */
  public long[][] encodeInput(long[] x) {
    long[][] polys = new long[groups][n];
    for (int j = 0; j < inputs; j++) {
      polys[j / cg][j % cg] = x[j];
    }
    return polys;
  }

  /** Encodes {@code w[r][j]} (row-major {@code M x C}) as {@code blocks * groups} polynomials. */
  public long[][] encodeWeights(long[] w) {
    long[][] polys = new long[blocks * groups][n];
    for (int r = 0; r < outputs; r++) {
      int b = r / rows;
      int rr = r % rows;
      for (int j = 0; j < inputs; j++) {
        polys[b * groups + j / cg][rr * cg + cg - 1 - (j % cg)] = w[r * inputs + j];
      }
    }
    return polys;
  }

  /** The server's product, in NTT form (for {@link ReplySealer}). */
  public Ciphertext[] evaluate(BfvParameters params, Ciphertext[] in, NttPlaintext[] weights) {
    if (in.length != groups || weights.length != blocks * groups) {
      throw new IllegalArgumentException("expected " + groups + " ciphertexts and "
          + blocks * groups + " weight polynomials");
    }
    Ciphertext[] out = new Ciphertext[blocks];
    for (int b = 0; b < blocks; b++) {
      out[b] = evaluateOne(params, in, weights, b);
    }
    return out;
  }

  /** Output block {@code b} of {@link #evaluate} alone (for parallel callers). */
  public Ciphertext evaluateOne(BfvParameters params, Ciphertext[] in, NttPlaintext[] weights,
      int b) {
    ProductTerms terms = termsOf(in, weights, b);
    return new BfvEvaluator(params).sumOfProducts(terms.cts(), terms.ws());
  }

  /** The terms whose sum is output block {@code b} ({@link ReplySealer#sealSum}). */
  public ProductTerms termsOf(Ciphertext[] in, NttPlaintext[] weights, int b) {
    return new ProductTerms(in, Arrays.copyOfRange(weights, b * groups, (b + 1) * groups));
  }

  /** Reads {@code y} (length M) from the output polynomials. */
  public long[] decodeOutput(long[][] polys) {
    long[] y = new long[outputs];
    for (int r = 0; r < outputs; r++) {
      y[r] = polys[r / rows][(r % rows) * cg + cg - 1];
    }
    return y;
  }

  /**
   * The coefficients {@link #decodeOutput} reads, per output polynomial (sorted): the server
   * floods and sends {@code c0} only there.
   */
  public int[][] outputPositions() {
    boolean[][] used = new boolean[blocks][n];
    for (int r = 0; r < outputs; r++) {
      used[r / rows][(r % rows) * cg + cg - 1] = true;
    }
    int[][] out = new int[blocks][];
    for (int b = 0; b < blocks; b++) {
      out[b] = Positions.of(used[b]);
    }
    return out;
  }

  /** The plain product {@code W x mod 2^l}. */
  public long[] multiply(long[] w, long[] x, int l) {
    long[] y = new long[outputs];
    long mask = (1L << l) - 1;
    for (int r = 0; r < outputs; r++) {
      long acc = 0;
      for (int j = 0; j < inputs; j++) {
        acc += w[r * inputs + j] * x[j];
      }
      y[r] = acc & mask;
    }
    return y;
  }
}
