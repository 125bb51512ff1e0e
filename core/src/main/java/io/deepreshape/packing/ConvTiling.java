package io.deepreshape.packing;

/**
 * Cheetah's tiling of a zero-padded convolution input into polynomials of degree {@code N}: tiles
 * of {@code channelsPerGroup} channels by {@code tileHeight x tileWidth} pixels, neighbouring tiles
 * overlapping by {@code kernel - 1}. Every input polynomial (one group of channels, one tile) is
 * multiplied by one kernel polynomial per output channel.
 *
 * @param tileHeight pixel rows of a tile (padding included)
 * @param tileWidth pixel columns of a tile
 * @param channelsPerGroup channels packed into one polynomial
 * @param groups channel groups, {@code ceil(channels / channelsPerGroup)}
 * @param tilesHigh tiles down the padded input
 * @param tilesWide tiles across the padded input
 */
public record ConvTiling(
    int tileHeight, int tileWidth, int channelsPerGroup, int groups, int tilesHigh, int tilesWide) {

  /**
   * The tiling of a {@code channels x height x width} input with a square {@code kernel} and
   * {@code padding} on each side, for ring degree {@code n}.
   */
  public static ConvTiling plan(int channels, int height, int width, int kernel, int padding, int n) {
    if (channels < 1 || height < 1 || width < 1 || kernel < 1 || padding < 0) {
      throw new IllegalArgumentException("invalid convolution " + channels + "x" + height + "x" + width
          + ", kernel " + kernel + ", padding " + padding);
    }
    if ((long) kernel * kernel > n) {
      throw new IllegalArgumentException("kernel " + kernel + "x" + kernel + " does not fit N=" + n);
    }
    int hp = height + 2 * padding;
    int wp = width + 2 * padding;
    int wt = Math.min(wp, n / kernel);
    int ht = Math.min(hp, n / wt);
    int cg = Math.min(channels, n / (ht * wt));
    return new ConvTiling(ht, wt, cg, ceilDiv(channels, cg), ceilDiv(hp - kernel + 1, ht - kernel + 1),
        ceilDiv(wp - kernel + 1, wt - kernel + 1));
  }

  public int tiles() {
    return tilesHigh * tilesWide;
  }

  /** Polynomials (ciphertexts) the client sends: one per group and tile. */
  public long inputPolys() {
    return (long) groups * tiles();
  }

  /** Polynomials (ciphertexts) the server returns for {@code kernels} output channels. */
  public long outputPolys(int kernels) {
    return (long) kernels * tiles();
  }

  /** Ciphertext-by-plaintext polynomial products for {@code kernels} output channels. */
  public long products(int kernels) {
    return (long) kernels * groups * tiles();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
