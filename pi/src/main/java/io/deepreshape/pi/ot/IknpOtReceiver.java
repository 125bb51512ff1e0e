package io.deepreshape.pi.ot;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.TccrHash;
import java.security.SecureRandom;

/**
 * The receiver of IKNP OT extension (Ishai, Kilian, Nissim and Petrank, Crypto 2003, semi-honest):
 * {@value Iknp#KAPPA} base OTs as sender of random seed pairs, then for choice bits {@code r} it
 * sends the columns {@code u^i = G(k_i^0) XOR G(k_i^1) XOR r} and keeps the rows {@code t_j} of
 * {@code G(k_i^0)}, unmasking its message with {@code H(t_j, j)}. Choice bits are packed: bit
 * {@code j} of word {@code j/64}. Not thread-safe.
 */
public final class IknpOtReceiver {
  private final Channel channel;
  private final AesPrg[] g0 = new AesPrg[Iknp.KAPPA];
  private final AesPrg[] g1 = new AesPrg[Iknp.KAPPA];
  private final TccrHash hash = new TccrHash();
  private long counter;
  /** A chunk's columns of {@code G(k_i^0)} and the message {@code u}, reused chunk after chunk. */
  private long[] cols = new long[0];
  private long[] u = new long[0];

  /** Runs the base OTs with the sender (one round trip) and prepares to extend. */
  public IknpOtReceiver(Channel channel, SecureRandom rnd) {
    this.channel = channel;
    long[] keys = ChouOrlandiOt.send(channel, Iknp.KAPPA, rnd);
    for (int i = 0; i < Iknp.KAPPA; i++) {
      g0[i] = Iknp.prgFromKey(keys, 4 * i);
      g1[i] = Iknp.prgFromKey(keys, 4 * i + 2);
    }
  }

  /** Receives {@code n} chosen messages: message {@code r_j} of pair {@code j}, 2 longs each. */
  public long[] receiveChosen(long[] choices, int n) {
    long[] t = start(choices, n);
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      extendChunk(choices, t, from, m);
      long[] y = channel.receiveLongs(Iknp.MSG_Y);
      Iknp.checkLength(y, 4 * m, "OT messages");
      for (int j = 0; j < m; j++) {
        int r = bit(choices, from + j);
        t[2 * (from + j)] ^= y[4 * j + 2 * r];
        t[2 * (from + j) + 1] ^= y[4 * j + 2 * r + 1];
      }
    }
    return t;
  }

  /**
   * Correlated OT: receives {@code m0_j XOR r_j Delta} for the sender's random {@code m0_j} and
   * {@code Delta}, 2 longs each.
   */
  public long[] receiveCorrelated(long[] choices, int n) {
    long[] t = start(choices, n);
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      extendChunk(choices, t, from, m);
      long[] y = channel.receiveLongs(Iknp.MSG_Y);
      Iknp.checkLength(y, 2 * m, "OT corrections");
      for (int j = 0; j < m; j++) {
        long r = -(long) bit(choices, from + j);
        t[2 * (from + j)] ^= r & y[2 * j];
        t[2 * (from + j) + 1] ^= r & y[2 * j + 1];
      }
    }
    return t;
  }

  /**
   * Correlated OT on the sender's offset {@code s} ({@link IknpOtSender#sendOnOffset}): returns the
   * unhashed rows {@code t_j = q_j XOR r_j s}, 2 longs each, and receives nothing.
   */
  public long[] receiveOnOffset(long[] choices, int n) {
    long[] t = start(choices, n);
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      sendColumns(choices, t, from, m);
      counter += m; // as the sender's, so that later hashed OTs keep their tweaks in step
    }
    return t;
  }

  private static long[] start(long[] choices, int n) {
    Iknp.checkN(n);
    if (choices.length * 64L < n) {
      throw new IllegalArgumentException("need " + n + " choice bits, got " + choices.length * 64);
    }
    return new long[2 * n];
  }

  /**
   * Sends the columns of OTs {@code from .. from+m-1} (one message; the sender answers before the
   * next chunk, so neither side's socket buffer can fill up) and writes {@code H(t_j, j)} to
   * {@code t}.
   */
  private void extendChunk(long[] choices, long[] t, int from, int m) {
    sendColumns(choices, t, from, m);
    hash.hashSequential(t, 2 * from, counter, m);
    counter += m;
  }

  /** Sends the columns of OTs {@code from .. from+m-1} and writes the rows {@code t_j}, unhashed. */
  private void sendColumns(long[] choices, long[] t, int from, int m) {
    int words = Iknp.words(m);
    long[] r = new long[words];
    for (int w = 0; w < words && 64 * w < m; w++) {
      r[w] = wordAt(choices, from + 64 * w, Math.min(64, m - 64 * w));
    }
    if (cols.length < Iknp.KAPPA * words) {
      cols = new long[Iknp.KAPPA * words];
      u = new long[Iknp.KAPPA * words];
    }
    for (int i = 0; i < Iknp.KAPPA; i++) {
      g0[i].nextLongs(cols, i * words, words);
      g1[i].nextLongs(u, i * words, words);
      for (int w = 0; w < words; w++) {
        u[i * words + w] ^= cols[i * words + w] ^ r[w];
      }
    }
    channel.sendLongs(Iknp.MSG_U, u, 0, Iknp.KAPPA * words);
    BitMatrix.transposeColumns(cols, words, t, 2 * from, m);
  }

  private static int bit(long[] bits, int j) {
    return (int) ((bits[j >>> 6] >>> j) & 1);
  }

  /** The {@code count} bits starting at bit {@code start} (start is a multiple of 64). */
  private static long wordAt(long[] bits, int start, int count) {
    long w = bits[start >>> 6];
    return count == 64 ? w : w & ((1L << count) - 1);
  }
}
