package io.deepreshape.pi.he;

import io.deepreshape.packing.ConvTiling;

/**
 * Cheetah's HomConv (Huang et al., USENIX Security 2022, section 3.2) with several kernels in one
 * product: a convolution as products of polynomials in coefficient encoding, no rotations. The
 * zero-padded input is cut into tiles of {@code Cg} channels by {@code Ht x Wt} pixels
 * (neighbouring tiles overlap by {@code h - 1}); tile entry {@code (c, i, j)} is coefficient {@code
 * c Ht Wt + i Wt + j}. Kernels come in blocks of {@code Mg} ({@link ConvTiling#kernelsPerPoly},
 * {@code Mg Cg Ht Wt <= N}): kernel {@code m}, the {@code mu}-th of its block, puts {@code K[m, c,
 * u, v]} of channel group {@code g} at {@code mu S + O - c Ht Wt - u Wt - v} with {@code S = Cg Ht
 * Wt} and {@code O = (Cg-1) Ht Wt + (h-1) Wt + h - 1}; then coefficient {@code mu S + O + i Wt + j}
 * of the product, summed over the groups, is kernel {@code m}'s stride-1 output at tile position
 * {@code (i, j)}. The terms of kernel {@code mu} span coefficients {@code mu S} to {@code mu S + O +
 * S - 1}, so they never reach the outputs of another kernel ({@code [mu S + O, mu S + S)}), and
 * those that wrap past {@code N} land below {@code O}. Strided outputs are the stride-1 outputs at
 * multiples of the stride. With {@code Mg = 1} this is Cheetah's encoding.
 *
 * <p>Input ciphertexts are indexed {@code group * tiles + tile}, outputs {@code block * tiles +
 * tile}, kernel polynomials {@code block * groups + group}.
 */
public final class HomConv {
  private final ConvShape shape;
  private final ConvTiling tiling;
  private final int n;
  private final int ht;
  private final int wt;
  private final int cg;
  private final int groups;
  private final int mg;
  private final int blocks;
  private final int tilesH;
  private final int tilesW;
  private final int offset;
  /** The shift between the kernels of one block, {@code Cg Ht Wt}. */
  private final int shift;

  /** Plans the tiling of {@code shape} for ring degree {@code n} ({@link ConvTiling#plan}). */
  public HomConv(ConvShape shape, int n) {
    this(shape, ConvTiling.plan(shape.channels(), shape.height(), shape.width(), shape.kernels(),
        shape.kernel(), shape.padding(), n), n);
  }

  /**
   * {@code shape} under a given tiling (a chunk of a layer's kernels takes the tiling of the whole
   * layer, so that the client's input ciphertexts serve every chunk).
   */
  public HomConv(ConvShape shape, ConvTiling t, int n) {
    int h = shape.kernel();
    if ((long) t.kernelsPerPoly() * t.channelsPerGroup() * t.tileHeight() * t.tileWidth() > n
        || t.channelsPerGroup() > shape.channels() || t.tileHeight() < h || t.tileWidth() < h) {
      throw new IllegalArgumentException("tiling " + t + " does not fit " + shape + " at N=" + n);
    }
    this.shape = shape;
    this.tiling = t;
    this.n = n;
    this.wt = t.tileWidth();
    this.ht = t.tileHeight();
    this.cg = t.channelsPerGroup();
    this.groups = t.groups();
    this.mg = t.kernelsPerPoly();
    this.blocks = t.kernelBlocks(shape.kernels());
    this.tilesH = t.tilesHigh();
    this.tilesW = t.tilesWide();
    this.shift = cg * ht * wt;
    this.offset = (cg - 1) * ht * wt + (h - 1) * wt + h - 1;
  }

  /** The convolution shape. */
  public ConvShape shape() {
    return shape;
  }

  /**
   * The plan of this convolution's first {@code count} kernels under the same tiling: the same
   * input ciphertexts, fewer kernel polynomials and outputs.
   */
  public HomConv firstKernels(int count) {
    ConvShape s = shape;
    return new HomConv(new ConvShape(s.channels(), s.height(), s.width(), count, s.kernel(),
        s.stride(), s.padding()), tiling, n);
  }

  /** Number of spatial tiles. */
  public int tiles() {
    return tilesH * tilesW;
  }

  /** Kernels per kernel polynomial (and per returned ciphertext). */
  public int kernelsPerPoly() {
    return mg;
  }

  /** Channel groups: input polynomials per tile. */
  public int groups() {
    return groups;
  }

  /** Number of input polynomials (ciphertexts the client sends). */
  public int inputPolys() {
    return groups * tiles();
  }

  /** Number of kernel polynomials ({@link #encodeKernel}). */
  public int kernelPolys() {
    return blocks * groups;
  }

  /** Number of output polynomials (ciphertexts the server returns). */
  public int outputPolys() {
    return blocks * tiles();
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
   * Encodes the kernels {@code k[m][c][u][v]} as {@code blocks * groups} polynomials, indexed
   * {@code block * groups + g} (unscaled, for {@link NttPlaintext#encode}).
   */
  public long[][] encodeKernel(long[] k) {
    int h = shape.kernel();
    int c0 = shape.channels();
    long[][] polys = new long[kernelPolys()][n];
    for (int m = 0; m < shape.kernels(); m++) {
      int at = (m % mg) * shift + offset;
      for (int g = 0; g < groups; g++) {
        long[] poly = polys[(m / mg) * groups + g];
        for (int c = 0; c < cg && g * cg + c < c0; c++) {
          for (int u = 0; u < h; u++) {
            for (int v = 0; v < h; v++) {
              poly[at - c * ht * wt - u * wt - v] = k[((m * c0 + g * cg + c) * h + u) * h + v];
            }
          }
        }
      }
    }
    return polys;
  }

  /**
   * The server's product: output {@code b * tiles + tile} is the sum over groups of input {@code
   * g * tiles + tile} times kernel polynomial {@code b * groups + g}, in NTT form (for {@link
   * ReplySealer}).
   */
  public Ciphertext[] evaluate(BfvParameters params, Ciphertext[] in, NttPlaintext[] kernel) {
    if (in.length != inputPolys() || kernel.length != kernelPolys()) {
      throw new IllegalArgumentException("expected " + inputPolys() + " ciphertexts and "
          + kernelPolys() + " kernel polynomials");
    }
    Ciphertext[] out = new Ciphertext[outputPolys()];
    for (int o = 0; o < out.length; o++) {
      out[o] = evaluateOne(params, in, kernel, o);
    }
    return out;
  }

  /** Output {@code o = b * tiles + tile} of {@link #evaluate} alone (for parallel callers). */
  public Ciphertext evaluateOne(BfvParameters params, Ciphertext[] in, NttPlaintext[] kernel,
      int o) {
    ProductTerms terms = termsOf(in, kernel, o);
    return new BfvEvaluator(params).sumOfProducts(terms.cts(), terms.ws());
  }

  /** The terms whose sum is output {@code o = b * tiles + tile} ({@link ReplySealer#sealSum}). */
  public ProductTerms termsOf(Ciphertext[] in, NttPlaintext[] kernel, int o) {
    int b = o / tiles();
    int tile = o % tiles();
    Ciphertext[] cts = new Ciphertext[groups];
    NttPlaintext[] ws = new NttPlaintext[groups];
    for (int g = 0; g < groups; g++) {
      cts[g] = in[g * tiles() + tile];
      ws[g] = kernel[b * groups + g];
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
      int at = (m % mg) * shift + offset;
      for (int i = 0; i < ho; i++) {
        int r = i * stride;
        int ti = r / rows;
        for (int j = 0; j < wo; j++) {
          int s = j * stride;
          int tj = s / cols;
          long[] poly = polys[(m / mg) * tiles() + ti * tilesW + tj];
          y[(m * ho + i) * wo + j] = poly[at + (r - ti * rows) * wt + (s - tj * cols)];
        }
      }
    }
    return y;
  }

  /**
   * The coefficients {@link #decodeOutput} reads, per output polynomial (sorted; they depend on the
   * tile and on how many kernels the block holds): the server floods and sends {@code c0} only
   * there.
   */
  public int[][] outputPositions() {
    int stride = shape.stride();
    int rows = ht - shape.kernel() + 1;
    int cols = wt - shape.kernel() + 1;
    int[][] out = new int[outputPolys()][];
    for (int b = 0; b < blocks; b++) {
      int kernels = Math.min(mg, shape.kernels() - b * mg);
      boolean[][] used = new boolean[tiles()][n];
      for (int mu = 0; mu < kernels; mu++) {
        for (int i = 0; i < shape.outHeight(); i++) {
          int r = i * stride;
          for (int j = 0; j < shape.outWidth(); j++) {
            int s = j * stride;
            used[(r / rows) * tilesW + s / cols][mu * shift + offset + (r % rows) * wt
                + (s % cols)] = true;
          }
        }
      }
      for (int tile = 0; tile < tiles(); tile++) {
        out[b * tiles() + tile] = Positions.of(used[tile]);
      }
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
