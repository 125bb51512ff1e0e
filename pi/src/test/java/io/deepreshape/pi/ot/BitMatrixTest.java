package io.deepreshape.pi.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitMatrixTest {
  @Test
  void transposeMatchesNaiveBitByBit() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 200;
    int words = 4;
    long[] cols = new long[128 * words];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = rnd.nextLong();
    }
    long[] rows = new long[2 * n];
    BitMatrix.transposeColumns(cols, words, rows, 0, n);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < 128; i++) {
        long colBit = (cols[i * words + j / 64] >>> (j % 64)) & 1;
        long rowBit = (rows[2 * j + i / 64] >>> (i % 64)) & 1;
        assertThat(rowBit).as("row %d bit %d", j, i).isEqualTo(colBit);
      }
    }
  }
}
