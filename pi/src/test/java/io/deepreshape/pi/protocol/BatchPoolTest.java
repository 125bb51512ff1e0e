package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Arrays given back are handed out again for the same length only, and the pool stays bounded. */
class BatchPoolTest {
  @Test
  void aGivenBackArrayIsHandedOutAgainForItsLengthOnly() {
    BatchPool pool = new BatchPool();
    long[] tables = new long[100];
    byte[] decode = new byte[9];
    pool.recycle(new GcStore.Batch(tables, new long[2], new long[3], decode));
    assertThat(pool.longs(101)).isNotSameAs(tables).hasSize(101);
    assertThat(pool.longs(100)).isSameAs(tables);
    assertThat(pool.longs(100)).isNotSameAs(tables);
    assertThat(pool.bytes(9)).isSameAs(decode);
    assertThat(pool.bytes(9)).isNotSameAs(decode);
  }

  @Test
  void atMostKeptArraysOfEachKindStayAndTheOldestGoFirst() {
    BatchPool pool = new BatchPool();
    long[] oldest = new long[7];
    pool.recycle(new GcStore.Batch(oldest, new long[1], new long[1], new byte[1]));
    for (int i = 0; i < BatchPool.KEPT; i++) {
      pool.recycle(new GcStore.Batch(new long[8], new long[1], new long[1], new byte[1]));
    }
    assertThat(pool.size()).isEqualTo(2 * BatchPool.KEPT);
    assertThat(pool.longs(7)).isNotSameAs(oldest);
  }
}
