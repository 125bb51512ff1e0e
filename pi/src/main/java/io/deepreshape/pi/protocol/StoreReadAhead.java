package io.deepreshape.pi.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a {@link GcStore.FileStore}'s batches on a thread of its own, a few batches ahead of the
 * online phase that consumes them, so that reading the file overlaps evaluating the batches before.
 * Longs come straight from a direct buffer into their arrays (one copy); the file's format is the
 * one {@link GcStore.FileStore} writes: per array a big-endian {@code int} count, then the values
 * as little-endian longs (bytes for the decoding bits). At most {@link #AHEAD} batches wait in
 * memory, and batches given back with {@link #recycle} lend their arrays to the batches read after
 * them ({@link BatchPool}). A count the rest of the file cannot hold is reported as a damaged store,
 * not allocated.
 */
final class StoreReadAhead implements AutoCloseable {
  /** Batches read ahead at most. */
  static final int AHEAD = 4;
  private static final Object END = new Object();

  private final Path file;
  private final FileChannel in;
  private final long size;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
  private final Thread reader;
  private final BatchPool pool = new BatchPool();
  private long consumed;
  private volatile boolean closed;

  StoreReadAhead(Path file) {
    this.file = file;
    try {
      in = FileChannel.open(file, StandardOpenOption.READ);
      size = in.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the garbled-circuit store " + file + ": "
          + e.getMessage(), e);
    }
    buf.flip();
    reader = new Thread(this::readAll, "pi-gc-store");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next batch; fails with a one-line message if the file ends early or cannot be read. */
  GcStore.Batch next() {
    Object o;
    try {
      o = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the garbled-circuit store", e);
    }
    if (o instanceof UncheckedIOException e) {
      queue.offer(o);
      throw new UncheckedIOException(e.getMessage(), e.getCause());
    }
    if (o == END) {
      queue.offer(o);
      throw new UncheckedIOException(new IOException("the garbled-circuit store " + file
          + " ends before the network's last garbled batch"));
    }
    return (GcStore.Batch) o;
  }

  /** Takes back a batch {@link #next} returned, once nothing reads it any more. */
  void recycle(GcStore.Batch b) {
    pool.recycle(b);
  }

  private void readAll() {
    try {
      while (!closed && (buf.hasRemaining() || consumed < size)) {
        queue.put(new GcStore.Batch(longs(), longs(), longs(), bytes()));
      }
      queue.put(END);
    } catch (InterruptedException e) {
      // closed while waiting for room: nothing more is wanted
    } catch (IOException e) {
      if (!closed) {
        try {
          queue.put(new UncheckedIOException("cannot read the garbled-circuit store " + file
              + ": " + e.getMessage(), e));
        } catch (InterruptedException closing) {
          // closed meanwhile: nobody waits for the error
        }
      }
    }
  }

  private long[] longs() throws IOException {
    long[] v = pool.longs(count(8));
    int done = 0;
    while (done < v.length) {
      fill(8);
      int k = Math.min(v.length - done, buf.remaining() / 8);
      buf.asLongBuffer().get(v, done, k);
      buf.position(buf.position() + 8 * k);
      done += k;
    }
    return v;
  }

  private byte[] bytes() throws IOException {
    byte[] v = pool.bytes(count(1));
    int done = 0;
    while (done < v.length) {
      fill(1);
      int k = Math.min(v.length - done, buf.remaining());
      buf.get(v, done, k);
      done += k;
    }
    return v;
  }

  /** Reads an array's count and checks that the rest of the file holds it. */
  private int count(int width) throws IOException {
    fill(4);
    int n = Integer.reverseBytes(buf.getInt());
    long left = size - consumed + buf.remaining();
    if (n < 0 || (long) n * width > left) {
      throw new IOException("damaged or cut short: an array of " + n + " values at byte "
          + (consumed - buf.remaining() - 4) + " does not fit in the file's " + size + " bytes");
    }
    return n;
  }

  /** Makes at least {@code n} bytes available in {@code buf}. */
  private void fill(int n) throws IOException {
    if (buf.remaining() >= n) {
      return;
    }
    buf.compact();
    while (buf.position() < n) {
      int r = in.read(buf);
      if (r < 0) {
        buf.flip();
        throw new IOException("it ends in the middle of a batch, at byte " + consumed);
      }
      consumed += r;
    }
    buf.flip();
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    try {
      reader.join();
      in.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // reading is over; the file itself is the store's to delete
    }
  }
}
