package io.deepreshape.pi.he;

/**
 * The shape of a 2-D convolution: input {@code (C, H, W)}, {@code M} kernels of {@code (C, h, h)},
 * stride and zero padding on every side.
 *
 * @param channels input channels C
 * @param height input height H
 * @param width input width W
 * @param kernels output channels M
 * @param kernel kernel side h
 * @param stride stride (>= 1)
 * @param padding zero padding (>= 0)
 */
public record ConvShape(int channels, int height, int width, int kernels, int kernel, int stride,
    int padding) {
  /** Validates the shape. */
  public ConvShape {
    if (channels < 1 || height < 1 || width < 1 || kernels < 1 || kernel < 1 || stride < 1
        || padding < 0) {
      throw new IllegalArgumentException("invalid convolution shape " + this);
    }
    if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
      throw new IllegalArgumentException("kernel " + kernel + " larger than the padded input in "
          + this);
    }
  }

  /** Output height. */
  public int outHeight() {
    return (height + 2 * padding - kernel) / stride + 1;
  }

  /** Output width. */
  public int outWidth() {
    return (width + 2 * padding - kernel) / stride + 1;
  }

  /**
   * The plain convolution over {@code Z_{2^l}}: input {@code x[c][i][j]} and kernel {@code
   * k[m][c][u][v]} flattened row-major; returns {@code y[m][i][j]} modulo {@code 2^l}.
   */
  public long[] convolve(long[] x, long[] k, int l) {
    int ho = outHeight();
    int wo = outWidth();
    long mask = (1L << l) - 1;
    long[] y = new long[kernels * ho * wo];
    for (int m = 0; m < kernels; m++) {
      for (int i = 0; i < ho; i++) {
        for (int j = 0; j < wo; j++) {
          long acc = 0;
          for (int c = 0; c < channels; c++) {
            for (int u = 0; u < kernel; u++) {
              int r = i * stride + u - padding;
              if (r < 0 || r >= height) {
                continue;
              }
              for (int v = 0; v < kernel; v++) {
                int s = j * stride + v - padding;
                if (s >= 0 && s < width) {
                  acc += x[(c * height + r) * width + s]
                      * k[((m * channels + c) * kernel + u) * kernel + v];
                }
              }
            }
          }
          y[(m * ho + i) * wo + j] = acc & mask;
        }
      }
    }
    return y;
  }
}
