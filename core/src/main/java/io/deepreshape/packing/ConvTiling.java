package io.deepreshape.packing;

/**
 * The tiling of a zero-padded convolution into polynomials of degree {@code N}, after Cheetah's
 * HomConv: tiles of {@code channelsPerGroup} channels by {@code tileHeight x tileWidth} pixels,
 * neighbouring tiles overlapping by {@code kernel - 1}, and, unlike Cheetah, {@code kernelsPerPoly}
 * output channels in every product. A kernel polynomial holds that many kernels, each shifted by
 * {@code channelsPerGroup tileHeight tileWidth} coefficients; as long as {@code kernelsPerPoly
 * channelsPerGroup tileHeight tileWidth <= N}, the terms of one kernel never reach the output
 * coefficients of another (docs/security.md, "Linear layers", gives the argument). Cheetah's own
 * tiling is {@code kernelsPerPoly = 1}: one returned ciphertext per output channel and tile, most of
 * whose coefficients hold no output when the feature map is small.
 *
 * <p>{@link #plan} picks the channels per group, and with them the kernels per polynomial, that
 * make the layer cheapest by {@link #INPUT_COST} and {@link #OUTPUT_COST}.
 *
 * @param tileHeight pixel rows of a tile (padding included)
 * @param tileWidth pixel columns of a tile
 * @param channelsPerGroup channels packed into one input polynomial
 * @param groups channel groups, {@code ceil(channels / channelsPerGroup)}
 * @param kernelsPerPoly output channels packed into one kernel (and one returned) polynomial
 * @param tilesHigh tiles down the padded input
 * @param tilesWide tiles across the padded input
 */
public record ConvTiling(int tileHeight, int tileWidth, int channelsPerGroup, int groups,
    int kernelsPerPoly, int tilesHigh, int tilesWide) {
  /**
   * What encrypting, sending and expanding one input ciphertext costs, in ciphertext-by-plaintext
   * products (HeBenchmark and HomConvBenchmark at N = 8192, three primes, 2026-12-03: 1.5 ms
   * against 0.27 ms a product, with the transfer).
   */
  public static final int INPUT_COST = 7;
  /**
   * What sealing, sending and decrypting one returned ciphertext costs, in products (the same
   * runs: 3.4 ms to seal and 0.5 ms to decrypt).
   */
  public static final int OUTPUT_COST = 13;

  /** Validates the tiling. */
  public ConvTiling {
    if (tileHeight < 1 || tileWidth < 1 || channelsPerGroup < 1 || groups < 1 || kernelsPerPoly < 1
        || tilesHigh < 1 || tilesWide < 1) {
      throw new IllegalArgumentException("invalid convolution tiling " + tileHeight + "x" + tileWidth
          + ", " + channelsPerGroup + " channels x " + groups + " groups, " + kernelsPerPoly
          + " kernels per polynomial, " + tilesHigh + "x" + tilesWide + " tiles");
    }
  }

  /**
   * The tiling of a {@code channels x height x width} input convolved with {@code kernels} square
   * kernels of side {@code kernel} and {@code padding} on each side, for ring degree {@code n}.
   */
  public static ConvTiling plan(int channels, int height, int width, int kernels, int kernel,
      int padding, int n) {
    if (channels < 1 || height < 1 || width < 1 || kernels < 1 || kernel < 1 || padding < 0) {
      throw new IllegalArgumentException("invalid convolution " + channels + "x" + height + "x"
          + width + " to " + kernels + " channels, kernel " + kernel + ", padding " + padding);
    }
    if ((long) kernel * kernel > n) {
      throw new IllegalArgumentException("kernel " + kernel + "x" + kernel + " does not fit N=" + n);
    }
    int hp = height + 2 * padding;
    int wp = width + 2 * padding;
    int wt = Math.min(wp, n / kernel);
    int ht = Math.min(hp, n / wt);
    int area = ht * wt;
    int best = 0;
    long bestCost = Long.MAX_VALUE;
    for (int cg = Math.min(channels, n / area); cg >= 1; cg--) {
      long cost = cost(ceilDiv(channels, cg), ceilDiv(kernels, kernelsPerPoly(kernels, cg, area, n)));
      if (cost < bestCost) {
        bestCost = cost;
        best = cg;
      }
    }
    return new ConvTiling(ht, wt, best, ceilDiv(channels, best),
        kernelsPerPoly(kernels, best, area, n), ceilDiv(hp - kernel + 1, ht - kernel + 1),
        ceilDiv(wp - kernel + 1, wt - kernel + 1));
  }

  private static int kernelsPerPoly(int kernels, int cg, int area, int n) {
    return Math.min(kernels, n / (cg * area));
  }

  /** The cost of one tile, in products, of {@code groups} inputs and {@code blocks} outputs. */
  private static long cost(int groups, int blocks) {
    return (long) INPUT_COST * groups + (long) OUTPUT_COST * blocks + (long) groups * blocks;
  }

  public int tiles() {
    return tilesHigh * tilesWide;
  }

  /** Polynomials (ciphertexts) the client sends: one per group and tile. */
  public long inputPolys() {
    return (long) groups * tiles();
  }

  /** Kernel polynomials (and returned ciphertexts per tile) of {@code kernels} output channels. */
  public int kernelBlocks(int kernels) {
    return ceilDiv(kernels, kernelsPerPoly);
  }

  /** Polynomials (ciphertexts) the server returns for {@code kernels} output channels. */
  public long outputPolys(int kernels) {
    return (long) kernelBlocks(kernels) * tiles();
  }

  /** Ciphertext-by-plaintext polynomial products for {@code kernels} output channels. */
  public long products(int kernels) {
    return (long) kernelBlocks(kernels) * groups * tiles();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
