package io.deepreshape.pi.ot;

/**
 * Bit-matrix transposition for OT extension: 128 columns of bits (one per base OT) become one
 * 128-bit row per OT, by 64x64 block transposes (the recursive block swap of Warren, "Hacker's
 * Delight", section 7-3, in least-significant-bit-first order).
 */
final class BitMatrix {
  private BitMatrix() {}

  /** Transposes the 64x64 bit matrix {@code a} in place: bit p of a[i] becomes bit i of a[p]. */
  static void transpose64(long[] a) {
    long m = 0x00000000FFFFFFFFL;
    for (int j = 32; j != 0; j >>= 1, m ^= m << j) {
      for (int k = 0; k < 64; k = (k + j + 1) & ~j) {
        long t = ((a[k] >>> j) ^ a[k | j]) & m;
        a[k] ^= t << j;
        a[k | j] ^= t;
      }
    }
  }

  /**
   * Transposes 128 columns of {@code words} longs each ({@code cols[i*words + w]}, bit {@code j}
   * of column {@code i} at word {@code j/64}) into rows: row {@code j} is {@code rows[rowOff +
   * 2*j]} (bits 0-63) and {@code rows[rowOff + 2*j + 1]} (bits 64-127), for {@code j < n}.
   */
  static void transposeColumns(long[] cols, int words, long[] rows, int rowOff, int n) {
    long[] block = new long[64];
    for (int w = 0; w < words && 64 * w < n; w++) {
      int count = Math.min(64, n - 64 * w);
      for (int half = 0; half < 2; half++) {
        for (int i = 0; i < 64; i++) {
          block[i] = cols[(64 * half + i) * words + w];
        }
        transpose64(block);
        for (int p = 0; p < count; p++) {
          rows[rowOff + 2 * (64 * w + p) + half] = block[p];
        }
      }
    }
  }
}
