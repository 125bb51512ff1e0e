package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchAugmenterTest {
  private static final int C = 3;
  private static final int H = 5;
  private static final int W = 7;

  /** Straightforward reference: shift by (dy, dx) with zeros, then flip horizontally. */
  private static byte[] reference(byte[] src, int dy, int dx, boolean flip) {
    byte[] out = new byte[src.length];
    for (int c = 0; c < C; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int cx = flip ? W - 1 - x : x;
          int sy = y + dy;
          int sx = cx + dx;
          if (sy >= 0 && sy < H && sx >= 0 && sx < W) {
            out[c * H * W + y * W + x] = src[c * H * W + sy * W + sx];
          }
        }
      }
    }
    return out;
  }

  private static byte[] apply(byte[] src, int dy, int dx, boolean flip) {
    byte[] dst = new byte[src.length + 10];
    java.util.Arrays.fill(dst, (byte) 77);
    BatchAugmenter.shiftFlip(src, 0, dst, 5, C, H, W, dy, dx, flip);
    assertThat(dst[4]).isEqualTo((byte) 77);
    assertThat(dst[5 + src.length]).isEqualTo((byte) 77);
    return java.util.Arrays.copyOfRange(dst, 5, 5 + src.length);
  }

  @Test
  void matchesReferenceForEveryShiftAndFlip() {
    byte[] src = DataFixtures.bytes(C * H * W, 1);
    for (int dy = -H; dy <= H; dy++) {
      for (int dx = -W; dx <= W; dx++) {
        for (boolean flip : new boolean[] {false, true}) {
          assertThat(apply(src, dy, dx, flip))
              .as("dy=%d dx=%d flip=%s", dy, dx, flip)
              .isEqualTo(reference(src, dy, dx, flip));
        }
      }
    }
  }

  @Test
  void zeroShiftIsIdentityAndFlipTwiceIsIdentity() {
    byte[] src = DataFixtures.bytes(C * H * W, 2);
    assertThat(apply(src, 0, 0, false)).isEqualTo(src);
    byte[] once = apply(src, 0, 0, true);
    assertThat(once).isNotEqualTo(src);
    assertThat(once[0]).isEqualTo(src[W - 1]);
    assertThat(apply(once, 0, 0, true)).isEqualTo(src);
  }

  @Test
  void shiftMovesPixelsAndFillsZeros() {
    byte[] src = new byte[C * H * W];
    java.util.Arrays.fill(src, (byte) 9);
    byte[] out = apply(src, 2, -1, false);
    // Rows 3 and 4 come from outside the image; column 0 too.
    for (int c = 0; c < C; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          boolean inside = y + 2 < H && x - 1 >= 0;
          assertThat(out[c * H * W + y * W + x]).isEqualTo(inside ? (byte) 9 : (byte) 0);
        }
      }
    }
  }

  @Test
  void normaliseUsesTheTable() {
    Normalization norm = new Normalization(new float[] {0.5f, 0f}, new float[] {0.25f, 1f});
    byte[] src = {0, (byte) 255, (byte) 51, (byte) 255, 0, (byte) 51, (byte) 102, (byte) 153};
    float[] dst = new float[8];
    BatchAugmenter.normalise(src, dst, 2, 2, 2, norm.table());
    assertThat(dst)
        .containsExactly(
            new float[] {-2f, 2f, 0.2f, 1f, -2f, -1.2f, 0.4f, 0.6f},
            org.assertj.core.data.Offset.offset(1e-5f));
  }
}
