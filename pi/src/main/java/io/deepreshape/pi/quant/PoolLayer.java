package io.deepreshape.pi.quant;

/**
 * A max-pool layer (the ImageNet stem's 3x3, stride 2, padding 1 pool; He et al. 2016): each output
 * is the largest of the input elements its window covers (padding never wins, as in PyTorch).
 * Elements are indexed {@code c*H*W + p}; its garbled circuit compares shares (PI-ENGINE.md
 * section 2, "a comparison circuit").
 *
 * @param name layer name
 * @param channels C
 * @param height input H
 * @param width input W
 * @param kernel window side
 * @param stride stride
 * @param padding padding on every side
 */
public record PoolLayer(String name, int channels, int height, int width, int kernel, int stride,
    int padding) {
  /** Output height. */
  public int outHeight() {
    return (height + 2 * padding - kernel) / stride + 1;
  }

  /** Output width. */
  public int outWidth() {
    return (width + 2 * padding - kernel) / stride + 1;
  }

  /** Input elements C*H*W. */
  public int inElements() {
    return channels * height * width;
  }

  /** Output elements. */
  public int outElements() {
    return channels * outHeight() * outWidth();
  }

  /** The input elements under output {@code (c, i, j)}'s window, row-major. */
  public int[] window(int c, int i, int j) {
    int r0 = Math.max(0, i * stride - padding);
    int r1 = Math.min(height, i * stride - padding + kernel);
    int s0 = Math.max(0, j * stride - padding);
    int s1 = Math.min(width, j * stride - padding + kernel);
    int[] w = new int[(r1 - r0) * (s1 - s0)];
    int n = 0;
    for (int r = r0; r < r1; r++) {
      for (int s = s0; s < s1; s++) {
        w[n++] = (c * height + r) * width + s;
      }
    }
    return w;
  }

  /** Max-pools ring elements (signed comparison, no truncation). */
  public long[] apply(long[] x, QuantConfig q) {
    long[] out = new long[outElements()];
    int n = 0;
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < outHeight(); i++) {
        for (int j = 0; j < outWidth(); j++) {
          long best = Long.MIN_VALUE;
          for (int e : window(c, i, j)) {
            best = Math.max(best, q.signed(x[e]));
          }
          out[n++] = best & q.mask();
        }
      }
    }
    return out;
  }

  /** Max-pools real values. */
  public double[] apply(double[] x) {
    double[] out = new double[outElements()];
    int n = 0;
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < outHeight(); i++) {
        for (int j = 0; j < outWidth(); j++) {
          double best = Double.NEGATIVE_INFINITY;
          for (int e : window(c, i, j)) {
            best = Math.max(best, x[e]);
          }
          out[n++] = best;
        }
      }
    }
    return out;
  }
}
