package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-ahead of a stored prepared session: batches come back exactly and in order across the
 * reader's buffer and queue, and a damaged or short file is reported in one line instead of being
 * allocated or waited for.
 */
class StoreReadAheadTest {
  @TempDir
  Path dir;

  private GcStore.Batch[] write(Path file, int count, int tableLongs) {
    SplittableRandom rnd = new SplittableRandom(7);
    GcStore.Batch[] put = new GcStore.Batch[count];
    try (GcStore.FileStore store = GcStore.writingTo(file)) {
      for (int i = 0; i < count; i++) {
        byte[] decode = new byte[9 + i];
        Arrays.fill(decode, (byte) (i * 31));
        put[i] = new GcStore.Batch(rnd.longs(tableLongs + i).toArray(), rnd.longs(2).toArray(),
            rnd.longs(74 + i).toArray(), decode);
        store.put(put[i]);
      }
      store.finish();
    }
    return put;
  }

  @Test
  void batchesLargerThanTheBufferAndMoreThanTheQueueHoldComeBackInOrder() {
    Path file = dir.resolve("gc");
    // 300,001 longs is 2.4 MB, more than the reader's 1 MiB buffer; 3 * AHEAD batches fill its queue
    GcStore.Batch[] put = write(file, 3 * StoreReadAhead.AHEAD, 300_001);
    try (StoreReadAhead in = new StoreReadAhead(file)) {
      for (GcStore.Batch want : put) {
        GcStore.Batch got = in.next();
        assertThat(got.tables()).isEqualTo(want.tables());
        assertThat(got.maskSeed()).isEqualTo(want.maskSeed());
        assertThat(got.ownLabels()).isEqualTo(want.ownLabels());
        assertThat(got.decode()).isEqualTo(want.decode());
      }
      assertThatThrownBy(in::next).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("ends before the network's last garbled batch");
    }
  }

  @Test
  void aTruncatedFileIsReportedNamingTheFile() throws IOException {
    Path file = dir.resolve("gc");
    write(file, 2, 1000);
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - 100));
    try (StoreReadAhead in = new StoreReadAhead(file)) {
      assertThat(in.next().tables()).hasSize(1000);
      assertThatThrownBy(in::next).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("cut short");
    }
  }

  @Test
  void aDamagedCountIsReportedNotAllocated() throws IOException {
    Path file = dir.resolve("gc");
    write(file, 1, 1000);
    byte[] all = Files.readAllBytes(file);
    ByteBuffer.wrap(all).putInt(0, Integer.MAX_VALUE); // the tables' count: 16 GiB of longs
    Files.write(file, all);
    try (StoreReadAhead in = new StoreReadAhead(file)) {
      assertThatThrownBy(in::next).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("damaged").hasMessageContaining(String.valueOf(Integer.MAX_VALUE));
    }
  }

  @Test
  void closingWhileTheReaderWaitsForRoomEndsIt() {
    Path file = dir.resolve("gc");
    write(file, 3 * StoreReadAhead.AHEAD, 10);
    StoreReadAhead in = new StoreReadAhead(file);
    in.next();
    long t0 = System.nanoTime();
    in.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("pi-gc-store") && t.isAlive())).isEmpty();
  }
}
