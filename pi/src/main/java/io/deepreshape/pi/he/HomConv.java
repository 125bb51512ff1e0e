package io.deepreshape.pi.he;

import io.deepreshape.packing.ConvTiling;

/**
 * Cheetah's HomConv (Huang et al., USENIX Security 2022, section 3.2): a convolution as products of
 * polynomials in coefficient encoding, no rotations. The zero-padded input is cut into tiles of
 * {@code Cg} channels by {@code Ht x Wt} pixels ({@code Cg Ht Wt <= N}; neighbouring tiles overlap
 * by {@code h - 1}); tile entry {@code (c, i, j)} is coefficient {@code c Ht Wt + i Wt + j}. Kernel
 * {@code m} of channel group {@code g} puts {@code K[m, c, u, v]} at {@code O - c Ht Wt - u Wt -
 * v}, {@code O = (Cg-1) Ht Wt + (h-1) Wt + h - 1}; then coefficient {@code O + i Wt + j} of the
 * product, summed over the groups, is the stride-1 output at tile position {@code (i, j)}. Strided
 * outputs are the stride-1 outputs at multiples of the stride.
 *
 * <p>Input ciphertexts are indexed {@code group * tiles + tile}, outputs {@code m * tiles + tile}.
 */
public final class HomConv {
  private final ConvShape shape;
  private final int n;
  private final int hp;
  private final int wp;
  private final int ht;
  private final int wt;
  private final int cg;
  private final int groups;
  private final int tilesH;
  private final int tilesW;
  private final int offset;

  /** Plans the tiling of {@code shape} for ring degree {@code n} ({@link ConvTiling}). */
  public HomConv(ConvShape shape, int n) {
    ConvTiling t = ConvTiling.plan(shape.channels(), shape.height(), shape.width(), shape.kernel(),
        shape.padding(), n);
    int h = shape.kernel();
    this.shape = shape;
    this.n = n;
    this.hp = shape.height() + 2 * shape.padding();
    this.wp = shape.width() + 2 * shape.padding();
    this.wt = t.tileWidth();
    this.ht = t.tileHeight();
    this.cg = t.channelsPerGroup();
    this.groups = t.groups();
    this.tilesH = t.tilesHigh();
    this.tilesW = t.tilesWide();
    this.offset = (cg - 1) * ht * wt + (h - 1) * wt + h - 1;
  }

  /** The convolution shape. */
  public ConvShape shape() {
    return shape;
  }

  /** Number of spatial tiles. */
  public int tiles() {
    return tilesH * tilesW;
  }

  /** Number of input polynomials (ciphertexts the client sends). */
  public int inputPolys() {
    return groups * tiles();
  }

  /** Number of output polynomials (ciphertexts the server returns). */
  public int outputPolys() {
    return shape.kernels() * tiles();
  }

  /** Encodes the input {@code x[c][i][j]} (values mod t) as {@link #inputPolys} polynomials. */
  public long[][] encodeInput(long[] x) {
    int c0 = shape.channels();
    int hh = shape.height();
    int ww = shape.width();
    int pad = shape.padding();
    long[][] polys = new long[inputPolys()][n];
    for (int g = 0; g < groups; g++) {
      for (int tile = 0; tile < tiles(); tile++) {
        long[] poly = polys[g * tiles() + tile];
        int r0 = rowStart(tile);
        int s0 = colStart(tile);
        for (int c = 0; c < cg && g * cg + c < c0; c++) {
          for (int i = 0; i < ht; i++) {
            int r = r0 + i - pad;
            if (r < 0 || r >= hh) {
              continue;
            }
            for (int j = 0; j < wt; j++) {
              int s = s0 + j - pad;
              if (s >= 0 && s < ww) {
                poly[(c * ht + i) * wt + j] = x[((g * cg + c) * hh + r) * ww + s];
              }
            }
          }
        }
      }
    }
    return polys;
  }

  /**
   * Encodes the kernels {@code k[m][c][u][v]} as {@code M * groups} polynomials, indexed {@code
   * m * groups + g} (unscaled, for {@link NttPlaintext#encode}).
   */
  public long[][] encodeKernel(long[] k) {
    int h = shape.kernel();
    int c0 = shape.channels();
    long[][] polys = new long[shape.kernels() * groups][n];
    for (int m = 0; m < shape.kernels(); m++) {
      for (int g = 0; g < groups; g++) {
        long[] poly = polys[m * groups + g];
        for (int c = 0; c < cg && g * cg + c < c0; c++) {
          for (int u = 0; u < h; u++) {
            for (int v = 0; v < h; v++) {
              poly[offset - c * ht * wt - u * wt - v] = k[((m * c0 + g * cg + c) * h + u) * h + v];
            }
          }
        }
      }
    }
    return polys;
  }

  /**
   * The server's product: output {@code m * tiles + tile} is the sum over groups of input {@code
   * g * tiles + tile} times kernel {@code m * groups + g}, in NTT form (for {@link ReplySealer}).
   */
  public Ciphertext[] evaluate(BfvParameters params, Ciphertext[] in, NttPlaintext[] kernel) {
    if (in.length != inputPolys() || kernel.length != shape.kernels() * groups) {
      throw new IllegalArgumentException("expected " + inputPolys() + " ciphertexts and "
          + shape.kernels() * groups + " kernel polynomials");
    }
    Ciphertext[] out = new Ciphertext[outputPolys()];
    for (int o = 0; o < out.length; o++) {
      out[o] = evaluateOne(params, in, kernel, o);
    }
    return out;
  }

  /** Output {@code o = m * tiles + tile} of {@link #evaluate} alone (for parallel callers). */
  public Ciphertext evaluateOne(BfvParameters params, Ciphertext[] in, NttPlaintext[] kernel,
      int o) {
    ProductTerms terms = termsOf(in, kernel, o);
    return new BfvEvaluator(params).sumOfProducts(terms.cts(), terms.ws());
  }

  /** The terms whose sum is output {@code o = m * tiles + tile} ({@link ReplySealer#sealSum}). */
  public ProductTerms termsOf(Ciphertext[] in, NttPlaintext[] kernel, int o) {
    int m = o / tiles();
    int tile = o % tiles();
    Ciphertext[] cts = new Ciphertext[groups];
    NttPlaintext[] ws = new NttPlaintext[groups];
    for (int g = 0; g < groups; g++) {
      cts[g] = in[g * tiles() + tile];
      ws[g] = kernel[m * groups + g];
    }
    return new ProductTerms(cts, ws);
  }

  /** Reads the output {@code y[m][i][j]} from {@link #outputPolys} polynomials. */
  public long[] decodeOutput(long[][] polys) {
    int ho = shape.outHeight();
    int wo = shape.outWidth();
    int stride = shape.stride();
    int rows = ht - shape.kernel() + 1;
    int cols = wt - shape.kernel() + 1;
    long[] y = new long[shape.kernels() * ho * wo];
    for (int m = 0; m < shape.kernels(); m++) {
      for (int i = 0; i < ho; i++) {
        int r = i * stride;
        int ti = r / rows;
        for (int j = 0; j < wo; j++) {
          int s = j * stride;
          int tj = s / cols;
          long[] poly = polys[m * tiles() + ti * tilesW + tj];
          y[(m * ho + i) * wo + j] = poly[offset + (r - ti * rows) * wt + (s - tj * cols)];
        }
      }
    }
    return y;
  }

  /**
   * The coefficients {@link #decodeOutput} reads, per output polynomial (sorted; the same for
   * every kernel, since they depend on the tile only): the server floods and sends {@code c0}
   * only there.
   */
  public int[][] outputPositions() {
    int stride = shape.stride();
    int rows = ht - shape.kernel() + 1;
    int cols = wt - shape.kernel() + 1;
    boolean[][] used = new boolean[tiles()][n];
    for (int i = 0; i < shape.outHeight(); i++) {
      int r = i * stride;
      for (int j = 0; j < shape.outWidth(); j++) {
        int s = j * stride;
        used[(r / rows) * tilesW + s / cols][offset + (r % rows) * wt + (s % cols)] = true;
      }
    }
    int[][] perTile = new int[tiles()][];
    for (int tile = 0; tile < tiles(); tile++) {
      perTile[tile] = Positions.of(used[tile]);
    }
    int[][] out = new int[outputPolys()][];
    for (int m = 0; m < shape.kernels(); m++) {
      System.arraycopy(perTile, 0, out, m * tiles(), tiles());
    }
    return out;
  }

  private int rowStart(int tile) {
    return (tile / tilesW) * (ht - shape.kernel() + 1);
  }

  private int colStart(int tile) {
    return (tile % tilesW) * (wt - shape.kernel() + 1);
  }
}
