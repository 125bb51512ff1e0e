package io.deepreshape.pi.protocol;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Arrays of batches the online phase has finished with, handed out again to the batches read after
 * them. Without it a fresh client process allocated each batch's tables anew (about 9 MB a batch,
 * each a humongous allocation for G1): its heap grew to 1.4 GB in ResNet18's online phase, and
 * every page of that growth is zeroed by the kernel on first touch. Arrays of a length no longer
 * asked for age out: at most {@link #KEPT} of each kind are kept, the oldest dropped first.
 * Thread-safe: batches are given back from the evaluating workers.
 */
final class BatchPool {
  /** Arrays kept per kind, at most: the batches read ahead plus those in evaluation, with room. */
  static final int KEPT = 16;

  private final ArrayDeque<long[]> longs = new ArrayDeque<>();
  private final ArrayDeque<byte[]> bytes = new ArrayDeque<>();

  /** A {@code long[n]} whose contents are the caller's to overwrite, all of them. */
  synchronized long[] longs(int n) {
    for (Iterator<long[]> it = longs.iterator(); it.hasNext(); ) {
      long[] a = it.next();
      if (a.length == n) {
        it.remove();
        return a;
      }
    }
    return new long[n];
  }

  /** A {@code byte[n]} whose contents are the caller's to overwrite, all of them. */
  synchronized byte[] bytes(int n) {
    for (Iterator<byte[]> it = bytes.iterator(); it.hasNext(); ) {
      byte[] a = it.next();
      if (a.length == n) {
        it.remove();
        return a;
      }
    }
    return new byte[n];
  }

  /** Takes back a batch's arrays; the caller uses none of them after this. */
  synchronized void recycle(GcStore.Batch b) {
    keep(longs, b.tables());
    keep(longs, b.maskSeed());
    keep(longs, b.ownLabels());
    keep(bytes, b.decode());
  }

  /** Takes back one byte array; the caller uses it no more. */
  synchronized void recycleBytes(byte[] a) {
    keep(bytes, a);
  }

  /** Drops every array kept. */
  synchronized void clear() {
    longs.clear();
    bytes.clear();
  }

  private static <T> void keep(ArrayDeque<T> kept, T a) {
    kept.addFirst(a);
    if (kept.size() > KEPT) {
      kept.removeLast();
    }
  }

  /** Arrays held now, of both kinds. */
  synchronized int size() {
    return longs.size() + bytes.size();
  }
}
