package io.deepreshape.train.data;

/**
 * The array kernels of the loader: shifted/flipped copy of one CHW byte image (a padded random
 * crop is a shift by {@code dy, dx} in {@code [-padding, padding]} with zeros shifted in) and the
 * byte-to-float normalisation of a whole batch through a lookup table.
 */
public final class BatchAugmenter {
  private BatchAugmenter() {}

  /**
   * Writes {@code dst[c][y][x] = src[c][y+dy][sx]} with {@code sx = x+dx}, or
   * {@code sx = (w-1-x)+dx} when {@code flip} (crop, then flip), and 0 where the source lies
   * outside the image. {@code src} and {@code dst} must not overlap.
   */
  public static void shiftFlip(
      byte[] src, int srcOff, byte[] dst, int dstOff, int channels, int h, int w, int dy, int dx,
      boolean flip) {
    if (dy == 0 && dx == 0 && !flip) {
      System.arraycopy(src, srcOff, dst, dstOff, channels * h * w);
      return;
    }
    // Columns x of the output whose source column is inside the image.
    int xLo;
    int xHi;
    if (flip) {
      xLo = Math.max(0, dx);
      xHi = Math.min(w, w + dx);
    } else {
      xLo = Math.max(0, -dx);
      xHi = Math.min(w, w - dx);
    }
    for (int c = 0; c < channels; c++) {
      int plane = c * h * w;
      for (int y = 0; y < h; y++) {
        int out = dstOff + plane + y * w;
        int sy = y + dy;
        if (sy < 0 || sy >= h || xLo >= xHi) {
          java.util.Arrays.fill(dst, out, out + w, (byte) 0);
          continue;
        }
        int row = srcOff + plane + sy * w;
        for (int x = 0; x < xLo; x++) {
          dst[out + x] = 0;
        }
        if (flip) {
          int base = row + w - 1 + dx;
          for (int x = xLo; x < xHi; x++) {
            dst[out + x] = src[base - x];
          }
        } else {
          System.arraycopy(src, row + xLo + dx, dst, out + xLo, xHi - xLo);
        }
        for (int x = xHi; x < w; x++) {
          dst[out + x] = 0;
        }
      }
    }
  }

  /**
   * Normalises {@code images} CHW byte images from {@code src} into {@code dst} with the table of
   * {@link Normalization#table()}.
   */
  public static void normalise(
      byte[] src, float[] dst, int images, int channels, int plane, float[][] table) {
    int i = 0;
    for (int n = 0; n < images; n++) {
      for (int c = 0; c < channels; c++) {
        float[] t = table[c];
        int end = i + plane;
        for (; i < end; i++) {
          dst[i] = t[src[i] & 0xff];
        }
      }
    }
  }
}
