package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deepreshape.pi.prg.LongBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's garbled-material store returns batches in order, from memory or from a file. */
class GcStoreTest {
  @Test
  void fileAndMemoryStoresReturnWhatWasPutInOrder() {
    assertThat(GcStore.forSize(GcStore.MEMORY_LIMIT + 1)).isInstanceOf(GcStore.FileStore.class);
    assertThat(GcStore.forSize(1000)).isInstanceOf(GcStore.MemoryStore.class);
    for (GcStore store : new GcStore[] {new GcStore.FileStore(), new GcStore.MemoryStore()}) {
      try (store) {
        SplittableRandom rnd = new SplittableRandom(1);
        GcStore.Batch[] put = new GcStore.Batch[5];
        for (int i = 0; i < put.length; i++) {
          put[i] = new GcStore.Batch(rnd.longs(100 * i + 4).toArray(), rnd.longs(37).toArray(),
              rnd.longs(74).toArray(), new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8});
          store.put(put[i]);
        }
        assertThat(store.bytes()).isEqualTo(8L * (1000 + 20 + 5 * 111) + 45);
        for (GcStore.Batch want : put) {
          GcStore.Batch got = store.next();
          assertThat(got.tables()).isEqualTo(want.tables());
          assertThat(got.maskSeed()).isEqualTo(want.maskSeed());
          assertThat(got.ownLabels()).isEqualTo(want.ownLabels());
          assertThat(got.decode()).isEqualTo(want.decode());
        }
      }
    }
  }

  @Test
  void tablesStoredAsReceivedBytesComeBackAsTheirLongs() {
    for (GcStore store : new GcStore[] {new GcStore.FileStore(), new GcStore.MemoryStore()}) {
      try (store) {
        SplittableRandom rnd = new SplittableRandom(3);
        long[][] tables = new long[4][];
        for (int i = 0; i < tables.length; i++) {
          tables[i] = rnd.longs(50 * i + 3).toArray();
          byte[] bytes = new byte[8 * tables[i].length];
          ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(tables[i]);
          store.putReceived(bytes, new long[] {i, 2}, new long[] {7, 8, 9}, new byte[] {(byte) i});
        }
        assertThat(store.bytes()).isEqualTo(8L * (312 + 4 * 5) + 4);
        for (int i = 0; i < tables.length; i++) {
          GcStore.Batch got = store.next();
          assertThat(got.tables()).isEqualTo(tables[i]);
          assertThat(got.maskSeed()).containsExactly(i, 2);
          assertThat(got.ownLabels()).containsExactly(7, 8, 9);
          assertThat(got.decode()).containsExactly((byte) i);
        }
      }
    }
  }

  @Test
  void batchesWrittenBehindComeBackInOrderFromAPreparedFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("session.gc");
    SplittableRandom rnd = new SplittableRandom(5);
    long[][] tables = new long[4 * StoreWriteBehind.PENDING + 1][];
    GcStore.FileStore writing = GcStore.writingTo(file);
    for (int i = 0; i < tables.length; i++) {
      tables[i] = rnd.longs(1000 + i).toArray();
      writing.put(new GcStore.Batch(tables[i], new long[] {i}, new long[] {i, i}, new byte[] {1}));
    }
    writing.finish();
    writing.close();
    // each batch adds four int counts to its bytes
    assertThat(Files.size(file)).isEqualTo(writing.bytes() + 4L * 4 * tables.length);
    try (GcStore.FileStore reading = GcStore.readingFrom(file)) {
      for (int i = 0; i < tables.length; i++) {
        GcStore.Batch got = reading.next();
        assertThat(got.tables()).isEqualTo(tables[i]);
        assertThat(got.ownLabels()).containsExactly(i, i);
      }
    }
  }

  @Test
  void batchesGivenBackLendTheirArraysToLaterBatchesWhichStillReadBackWhatWasWritten(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("session.gc");
    SplittableRandom rnd = new SplittableRandom(9);
    long[][] tables = new long[40][];
    GcStore.FileStore writing = GcStore.writingTo(file);
    for (int i = 0; i < tables.length; i++) {
      tables[i] = rnd.longs(5000).toArray();
      writing.put(new GcStore.Batch(tables[i], new long[] {i}, new long[] {i, i}, new byte[] {(byte) i}));
    }
    writing.finish();
    writing.close();
    java.util.Set<long[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    try (GcStore.FileStore reading = GcStore.readingFrom(file)) {
      for (int i = 0; i < tables.length; i++) {
        GcStore.Batch got = reading.next();
        assertThat(got.tables()).as("batch %d", i).isEqualTo(tables[i]);
        assertThat(got.maskSeed()).containsExactly(i);
        assertThat(got.decode()).containsExactly((byte) i);
        seen.add(got.tables());
        reading.recycle(got);
      }
    }
    // the batches read ahead, the one being filled and the one in use: a handful of arrays, not 40
    assertThat(seen).hasSizeLessThanOrEqualTo(StoreReadAhead.AHEAD + 3);
  }

  @Test
  void tablesReceivedIntoGivenBuffersReuseAHandfulOfArraysAndReadBackWhatWasReceived(@TempDir Path dir) {
    Path file = dir.resolve("received.gc");
    SplittableRandom rnd = new SplittableRandom(11);
    long[][] tables = new long[40][];
    Set<byte[]> lent = Collections.newSetFromMap(new IdentityHashMap<>());
    try (GcStore.FileStore writing = GcStore.writingTo(file)) {
      for (int i = 0; i < tables.length; i++) {
        tables[i] = rnd.longs(3000).toArray();
        byte[] buf = writing.receiveBuffer(8 * 3000);
        lent.add(buf);
        LongBytes.toBytes(tables[i], 0, 3000, buf, 0);
        writing.putReceived(buf, new long[] {i}, new long[] {i, i}, new byte[] {(byte) i});
      }
      writing.finish();
    }
    // the batches queued for the writer, the one being written and the one being received
    assertThat(lent).hasSizeLessThanOrEqualTo(StoreWriteBehind.PENDING + 3);
    try (GcStore.FileStore reading = GcStore.readingFrom(file)) {
      for (int i = 0; i < tables.length; i++) {
        GcStore.Batch got = reading.next();
        assertThat(got.tables()).as("batch %d", i).isEqualTo(tables[i]);
        assertThat(got.ownLabels()).containsExactly(i, i);
        reading.recycle(got);
      }
    }
  }

  @Test
  void aStoreInMemoryLendsTheBytesOfTablesItHasConvertedAndKeepsTheTables() {
    try (GcStore store = GcStore.forSize(1 << 20)) {
      byte[] first = store.receiveBuffer(16);
      first[0] = 7;
      store.putReceived(first, new long[] {1}, new long[] {2}, new byte[] {3});
      byte[] second = store.receiveBuffer(16);
      assertThat(second).isSameAs(first);
      second[0] = 9;
      store.putReceived(second, new long[] {1}, new long[] {2}, new byte[] {3});
      assertThat(store.next().tables()[0]).isEqualTo(7);
      assertThat(store.next().tables()[0]).isEqualTo(9);
    }
  }

  @Test
  void writingEndsOnceWhereTheOfflinePhaseEndsAndTheStoreIsThenReadInOrder(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("whole.gc");
    long[][] tables = new long[2 * StoreWriteBehind.PENDING + 3][];
    try (GcStore.FileStore store = GcStore.writingTo(file)) {
      for (int i = 0; i < tables.length; i++) {
        tables[i] = new SplittableRandom(i).longs(500 + i).toArray();
        store.put(new GcStore.Batch(tables[i], new long[] {i}, new long[] {i}, new byte[] {2}));
      }
      store.finish();
      // everything is in the file when the offline phase ends, before the first read
      assertThat(Files.size(file)).isEqualTo(store.bytes() + 4L * 4 * tables.length);
      store.finish();
      for (int i = 0; i < tables.length; i++) {
        assertThat(store.next().tables()).as("batch %d", i).isEqualTo(tables[i]);
      }
    }
    GcStore memory = GcStore.forSize(1);
    memory.put(new GcStore.Batch(new long[] {3}, new long[] {1}, new long[] {2}, new byte[0]));
    memory.finish();
    assertThat(memory.next().tables()).containsExactly(3);
  }

  @Test
  void theWriterSyncsEveryFewBytesAndAtTheEndWithoutLosingOrReorderingData(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("synced.gc");
    SplittableRandom rnd = new SplittableRandom(7);
    long syncBytes = 10_000;
    StoreWriteBehind w = new StoreWriteBehind(file, syncBytes, new BatchPool());
    long[][] tables = new long[20][];
    long payload = 0;
    long expectedSyncs = 0;
    long sinceSync = 0;
    for (int i = 0; i < tables.length; i++) {
      tables[i] = rnd.longs(300 + 97 * i).toArray();
      byte[] bytes = new byte[8 * tables[i].length];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(tables[i]);
      w.write(bytes, new long[] {i}, new long[] {i, i}, new byte[] {(byte) i});
      long entry = bytes.length + 8 * 3 + 1;
      payload += entry;
      sinceSync += entry;
      if (sinceSync >= syncBytes) {
        expectedSyncs++;
        sinceSync = 0;
      }
    }
    w.finish();
    // one sync per syncBytes of payload written since the last, and one more at the end
    assertThat(w.syncs()).isEqualTo(expectedSyncs + 1);
    assertThat(payload).isGreaterThan(10 * syncBytes);
    assertThat(Files.size(file)).isEqualTo(payload + 4L * 4 * tables.length);
    try (GcStore.FileStore reading = GcStore.readingFrom(file)) {
      for (int i = 0; i < tables.length; i++) {
        GcStore.Batch got = reading.next();
        assertThat(got.tables()).isEqualTo(tables[i]);
        assertThat(got.maskSeed()).containsExactly(i);
        assertThat(got.decode()).containsExactly((byte) i);
      }
    }
  }

  @Test
  void aWriteThatFailsBehindTheCallerIsReportedToIt() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, whose writes fail with ENOSPC");
    StoreWriteBehind w = new StoreWriteBehind(full, new BatchPool());
    byte[] twoMiB = new byte[2 << 20];
    assertThatThrownBy(() -> {
      for (int i = 0; i < 4 * StoreWriteBehind.PENDING; i++) {
        w.write(twoMiB, new long[1], new long[1], new byte[1]);
      }
      w.finish();
    }).isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write the garbled-circuit store /dev/full: ");
    w.close();
  }
}
