package io.deepreshape.pi.protocol;

import io.deepreshape.pi.prg.LongBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * The client's storage of garbled material between the phases (PI-ENGINE.md section 2: tables,
 * the seed of the labels of the server's masks, the labels of its own share, decoding bits), batch by batch in the
 * order the online phase consumes it. Kept in memory, or for large networks streamed to a
 * temporary file and read back sequentially, so the client's memory stays bounded whatever the
 * network's ReLU count.
 */
abstract class GcStore implements AutoCloseable {
  /** Above this many bytes the material goes to a temporary file. */
  static final long MEMORY_LIMIT = 1L << 30;

  /**
   * One batch of garbled material.
   *
   * @param tables garbled tables (three-halves, {@link io.deepreshape.pi.gc.GarblingScheme})
   * @param maskSeed the seed of the active labels of the server's mask {@code u} ({@link MaskSeed})
   * @param ownLabels the active labels of the client's share {@code c}
   * @param decode the tweak base (8 bytes) and the decoding bits, packed eight to a byte
   */
  record Batch(long[] tables, long[] maskSeed, long[] ownLabels, byte[] decode) {}

  private long bytes;
  /** Arrays that received tables were read into and that the store no longer needs. */
  final BatchPool received = new BatchPool();

  /** A store for about {@code expectedBytes} of material. */
  static GcStore forSize(long expectedBytes) {
    return expectedBytes > MEMORY_LIMIT ? new FileStore() : new MemoryStore();
  }

  /** Bytes stored so far. */
  long bytes() {
    return bytes;
  }

  /** Appends a batch. */
  void put(Batch b) {
    addBytes(8L * b.tables.length, b.maskSeed, b.ownLabels, b.decode);
    write(b);
  }

  /** Counts a batch of {@code tableBytes} bytes of tables and these arrays as stored. */
  final void addBytes(long tableBytes, long[] maskSeed, long[] ownLabels, byte[] decode) {
    bytes += tableBytes + 8L * (maskSeed.length + ownLabels.length) + decode.length;
  }

  /**
   * Appends a batch whose tables arrive as the little-endian bytes of their longs, as received: a
   * file store writes them as they are, without a round trip through a {@code long[]}.
   */
  void putReceived(byte[] tableBytes, long[] maskSeed, long[] ownLabels, byte[] decode) {
    put(new Batch(LongBytes.fromBytes(tableBytes), maskSeed, ownLabels, decode));
    received.recycleBytes(tableBytes);
  }

  /**
   * An array of {@code n} bytes to receive the next batch's tables into: one that an earlier batch's
   * tables were received into, once they are stored. Without it a fresh client allocated each
   * batch's tables anew (about 9 MB, a humongous allocation for G1) and its heap grew to 1.6 GB in
   * ResNet18's offline phase, every page of it zeroed by the kernel on first touch.
   */
  byte[] receiveBuffer(int n) {
    return received.bytes(n);
  }

  abstract void write(Batch b);

  /**
   * Ends the writing: a file store writes what is queued, syncs it to disk and closes it; does
   * nothing the second time. Called at the end of the offline phase, so that this work counts there
   * rather than in the online phase's first layer; {@link #next} ends the writing itself if it was
   * not.
   */
  void finish() {}

  /** The next batch in the order of {@link #put}. */
  abstract Batch next();

  /**
   * Gives back a batch {@link #next} returned, once nothing reads its arrays any more, so that a
   * store read from a file can fill them with a later batch; a store in memory drops it.
   */
  void recycle(Batch b) {}

  @Override
  public abstract void close();

  /** In memory. */
  static final class MemoryStore extends GcStore {
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();

    @Override
    void write(Batch b) {
      batches.add(b);
    }

    @Override
    Batch next() {
      return batches.poll();
    }

    @Override
    public void close() {
      batches.clear();
    }
  }

  /** A store written to {@code file} and kept there after {@link #finish} (a prepared session). */
  static FileStore writingTo(Path file) {
    return new FileStore(file, false);
  }

  /** A store reading what {@link #writingTo} wrote to {@code file}; deleted on close. */
  static FileStore readingFrom(Path file) {
    return new FileStore(file, true);
  }

  /** In a file: a temporary one deleted on close, or a prepared session's. */
  static final class FileStore extends GcStore {
    private final Path file;
    private final boolean keep;
    private StoreWriteBehind out;
    private StoreReadAhead ahead;

    FileStore() {
      try {
        file = Files.createTempFile("deepreshape-pi-", ".gc");
        file.toFile().deleteOnExit();
        keep = false;
        out = new StoreWriteBehind(file, received);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the client's garbled-circuit store: "
            + e.getMessage(), e);
      }
    }

    private FileStore(Path file, boolean reading) {
      this.file = file;
      this.keep = !reading;
      if (reading) {
        // a prepared session's material: start reading it now, before the input arrives
        ahead = new StoreReadAhead(file);
        return;
      }
      try {
        out = new StoreWriteBehind(file, received);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the garbled-circuit store " + file + ": "
            + e.getMessage(), e);
      }
    }

    /** On disk when this returns: a prepared session's caller marks it complete after it. */
    @Override
    void finish() {
      StoreWriteBehind w = out;
      if (w == null) {
        return;
      }
      out = null;
      w.finish();
      received.clear();
    }

    @Override
    void write(Batch b) {
      out.write(LongBytes.toBytes(b.tables, 0, b.tables.length), b.maskSeed, b.ownLabels,
          b.decode);
    }

    @Override
    void putReceived(byte[] tableBytes, long[] maskSeed, long[] ownLabels, byte[] decode) {
      if ((tableBytes.length & 7) != 0) {
        throw new IllegalArgumentException("table bytes must be whole longs, got "
            + tableBytes.length);
      }
      out.write(tableBytes, maskSeed, ownLabels, decode);
      addBytes(tableBytes.length, maskSeed, ownLabels, decode);
    }

    @Override
    Batch next() {
      if (ahead == null) {
        finish();
        ahead = new StoreReadAhead(file);
      }
      return ahead.next();
    }

    @Override
    void recycle(Batch b) {
      ahead.recycle(b);
    }

    @Override
    public void close() {
      try {
        if (out != null) {
          out.close();
          out = null;
        }
        if (ahead != null) {
          ahead.close();
        }
        if (!keep) {
          Files.deleteIfExists(file);
        }
      } catch (IOException ignored) {
        // deleteOnExit removes the file at the latest when the JVM ends
      }
    }
  }
}
