package io.deepreshape.pi.protocol;

import io.deepreshape.pi.prg.LongBytes;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes a {@link GcStore.FileStore}'s batches on a thread of its own, at most {@link #PENDING}
 * batches behind the caller, so that the client's thread that receives the garbled tables does not
 * also wait for the page cache (the kernel's copies into it were 8% of a ResNet18 offline phase's
 * samples, all on that thread). The format is the file store's: per array a big-endian {@code int}
 * count, then the values as little-endian longs (bytes for the decoding bits). A failed write is
 * reported at the caller's next call; nothing after it is written.
 *
 * <p>The writer also hands the file to the disk every {@link #SYNC_BYTES} and at {@link #finish}.
 * Left to the kernel, a ResNet18 phase's 1.6 GB of dirty pages reached its background threshold
 * just as the online phase began, and writing them back stalled both parties for most of a second
 * (the first online layer took 1.0 s instead of 0.4 s). Synced as it goes, the store is written
 * back while the offline phase still runs, on this thread; and a prepared session marked complete
 * after {@link #finish} is on disk, not only in the page cache.
 */
final class StoreWriteBehind implements AutoCloseable {
  /** Batches queued at most. */
  static final int PENDING = 8;
  /** Bytes written between two syncs. */
  static final long SYNC_BYTES = 64L << 20;
  /** Longs converted to bytes at a time, on the writer's thread. */
  private static final int SLICE_LONGS = 1 << 13;

  private final Path file;
  private final BatchPool written;
  private final FileChannel channel;
  private final DataOutputStream out;
  private final long syncBytes;
  private long unsynced;
  private int syncs;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "pi-store-writer");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore free = new Semaphore(PENDING);
  private final byte[] slice = new byte[8 * SLICE_LONGS];
  private volatile IOException failure;

  /** Creates or truncates {@code file}; written table arrays go back to {@code written}. */
  StoreWriteBehind(Path file, BatchPool written) throws IOException {
    this(file, SYNC_BYTES, written);
  }

  /**
   * Creates or truncates {@code file}, synced every {@code syncBytes}; every batch's table array,
   * once written (or dropped), goes back to {@code written}.
   */
  StoreWriteBehind(Path file, long syncBytes, BatchPool written) throws IOException {
    if (syncBytes < 1) {
      throw new IllegalArgumentException("syncBytes must be >= 1, got " + syncBytes);
    }
    this.file = file;
    this.syncBytes = syncBytes;
    this.written = written;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
        1 << 20));
  }

  /** Queues one batch; the caller must not use its arrays afterwards. */
  void write(byte[] tableBytes, long[] maskSeed, long[] ownLabels, byte[] decode) {
    check();
    free.acquireUninterruptibly();
    writer.execute(() -> {
      try {
        if (failure == null) {
          writeEntry(tableBytes, maskSeed, ownLabels, decode);
        }
      } catch (IOException e) {
        failure = e;
      } finally {
        written.recycleBytes(tableBytes);
        free.release();
      }
    });
  }

  /** Writes what is queued, then flushes and closes the file; reports any failed write. */
  void finish() {
    writer.shutdown();
    await();
    try {
      if (failure == null) {
        sync();
      }
      out.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
    check();
  }

  /** Drops what is still queued and closes the file (the store is being discarded). */
  @Override
  public void close() {
    writer.shutdownNow();
    await();
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is abandoned: the caller deletes it or never marks it complete
    }
  }

  private void writeEntry(byte[] tableBytes, long[] maskSeed, long[] ownLabels, byte[] decode)
      throws IOException {
    out.writeInt(tableBytes.length >>> 3);
    out.write(tableBytes);
    longs(maskSeed);
    longs(ownLabels);
    out.writeInt(decode.length);
    out.write(decode);
    unsynced += tableBytes.length + decode.length + 8L * (maskSeed.length + ownLabels.length);
    if (unsynced >= syncBytes) {
      sync();
    }
  }

  private void sync() throws IOException {
    out.flush();
    channel.force(false);
    unsynced = 0;
    syncs++;
  }

  /** How many times the file was synced so far (read after {@link #finish}). */
  int syncs() {
    return syncs;
  }

  /** Writes a count and the values, converted a slice at a time (own labels run to megabytes). */
  private void longs(long[] v) throws IOException {
    out.writeInt(v.length);
    for (int off = 0; off < v.length; off += SLICE_LONGS) {
      int n = Math.min(SLICE_LONGS, v.length - off);
      LongBytes.toBytes(v, off, n, slice, 0);
      out.write(slice, 0, 8 * n);
    }
  }

  private void await() {
    try {
      writer.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the garbled-circuit store " + file,
          e);
    }
  }

  private void check() {
    if (failure != null) {
      throw new UncheckedIOException("cannot write the garbled-circuit store " + file + ": "
          + failure.getMessage(), failure);
    }
  }
}
