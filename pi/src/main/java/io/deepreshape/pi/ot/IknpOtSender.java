package io.deepreshape.pi.ot;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.LongBytes;
import io.deepreshape.pi.prg.TccrHash;
import java.security.SecureRandom;

/**
 * The sender of IKNP OT extension (Ishai, Kilian, Nissim and Petrank, Crypto 2003, semi-honest):
 * {@value Iknp#KAPPA} base OTs as receiver with secret choice vector {@code s}, then any number of
 * OTs, extended in chunks of {@value Iknp#CHUNK}. Row {@code j} of the extended matrix is {@code q_j
 * = t_j XOR r_j s}; messages are masked with {@code H(q_j, j)} and {@code H(q_j XOR s, j)}, {@code
 * H} the fixed-key AES tweakable correlation-robust hash {@link TccrHash}. The lowest bit of {@code
 * s} is fixed to 1, so that {@code s} can serve as a free-XOR offset ({@link #sendOnOffset}).
 * Not thread-safe.
 */
public final class IknpOtSender {
  private final Channel channel;
  private final long s0;
  private final long s1;
  private final AesPrg[] columns = new AesPrg[Iknp.KAPPA];
  private final TccrHash hash = new TccrHash();
  private long counter;
  /** A chunk's received columns (as bytes and as longs), its rows, reused chunk after chunk. */
  private byte[] received = new byte[0];
  private long[] u = new long[0];
  private long[] cols = new long[0];
  private final long[] rows = new long[2 * Iknp.CHUNK];

  /** Runs the base OTs with the receiver (one round trip) and prepares to extend. */
  public IknpOtSender(Channel channel, SecureRandom rnd) {
    this.channel = channel;
    long[] s = {rnd.nextLong() | 1L, rnd.nextLong()};
    this.s0 = s[0];
    this.s1 = s[1];
    long[] keys = ChouOrlandiOt.receive(channel, s, Iknp.KAPPA, rnd);
    for (int i = 0; i < Iknp.KAPPA; i++) {
      columns[i] = Iknp.prgFromKey(keys, 2 * i);
    }
  }

  /**
   * Sends {@code n} chosen message pairs: {@code messages[4j..4j+1]} is {@code m0} and {@code
   * messages[4j+2..4j+3]} is {@code m1} of OT {@code j}.
   */
  public void sendChosen(long[] messages, int n) {
    Iknp.checkN(n);
    if (messages.length < 4 * n) {
      throw new IllegalArgumentException("need " + 4 * n + " longs of messages");
    }
    long[] q = new long[2 * Iknp.CHUNK];
    long[] y = new long[4 * Iknp.CHUNK];
    long[] h1 = new long[2 * Iknp.CHUNK];
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      long tweak = extendChunk(q, m);
      flip(q, h1, m);
      hash.hashSequential(q, 0, tweak, m);
      hash.hashSequential(h1, 0, tweak, m);
      for (int j = 0; j < m; j++) {
        int src = 4 * (from + j);
        y[4 * j] = messages[src] ^ q[2 * j];
        y[4 * j + 1] = messages[src + 1] ^ q[2 * j + 1];
        y[4 * j + 2] = messages[src + 2] ^ h1[2 * j];
        y[4 * j + 3] = messages[src + 3] ^ h1[2 * j + 1];
      }
      channel.sendLongs(Iknp.MSG_Y, y, 0, 4 * m);
    }
  }

  /**
   * Correlated OT: for {@code n} OTs the receiver gets {@code m0_j} or {@code m0_j XOR Delta}
   * where {@code m0_j} is random; returns the {@code m0_j} (2 longs each). One 128-bit correction
   * per OT goes to the receiver.
   */
  public long[] sendCorrelated(long delta0, long delta1, int n) {
    Iknp.checkN(n);
    long[] out = new long[2 * n];
    long[] q = new long[2 * Iknp.CHUNK];
    long[] h1 = new long[2 * Iknp.CHUNK];
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      long tweak = extendChunk(q, m);
      flip(q, h1, m);
      hash.hashSequential(q, 0, tweak, m);
      hash.hashSequential(h1, 0, tweak, m);
      for (int j = 0; j < m; j++) {
        h1[2 * j] ^= q[2 * j] ^ delta0;
        h1[2 * j + 1] ^= q[2 * j + 1] ^ delta1;
      }
      System.arraycopy(q, 0, out, 2 * from, 2 * m);
      channel.sendLongs(Iknp.MSG_Y, h1, 0, 2 * m);
    }
    return out;
  }

  /** Low half of {@code s}, the offset of {@link #sendOnOffset}; its lowest bit is 1. */
  public long delta0() {
    return s0;
  }

  /** High half of {@code s}. */
  public long delta1() {
    return s1;
  }

  /**
   * Correlated OT on the extension's own offset: for {@code n} OTs the receiver gets {@code q_j
   * XOR r_j s} ({@link IknpOtReceiver#receiveOnOffset}); returns the {@code q_j} (2 longs each).
   * Nothing goes to the receiver: with {@code s} as a garbler's free-XOR offset, the {@code q_j}
   * are the zero-labels of the receiver's input wires and the receiver holds its active labels
   * already (the rows are not hashed; a garbler hashes labels itself). This saves the 128-bit
   * correction per OT that {@link #sendCorrelated} sends.
   */
  public long[] sendOnOffset(int n) {
    Iknp.checkN(n);
    long[] out = new long[2 * n];
    sendOnOffset(n, out);
    return out;
  }

  /** As {@link #sendOnOffset(int)}, writing the {@code q_j} to {@code out[0 .. 2n-1]}. */
  public void sendOnOffset(int n, long[] out) {
    Iknp.checkN(n);
    if (out.length < 2 * n) {
      throw new IllegalArgumentException("need room for " + 2 * n + " longs, got " + out.length);
    }
    for (int from = 0; from < n; from += Iknp.CHUNK) {
      int m = Math.min(Iknp.CHUNK, n - from);
      extendChunk(rows, m);
      System.arraycopy(rows, 0, out, 2 * from, 2 * m);
    }
  }

  /** Receives the receiver's columns for {@code m} OTs and writes rows {@code q_j}; returns tweak. */
  private long extendChunk(long[] q, int m) {
    int words = Iknp.words(m);
    int longs = Iknp.KAPPA * words;
    if (cols.length < longs) {
      cols = new long[longs];
      u = new long[longs];
    }
    byte[] got = channel.receive(Iknp.MSG_U, 8L * longs,
        n -> received.length == n ? received : (received = new byte[n]));
    LongBytes.fromBytes(got, 0, u, 0, longs);
    for (int i = 0; i < Iknp.KAPPA; i++) {
      columns[i].nextLongs(cols, i * words, words);
      long si = -((i < 64 ? s0 >>> i : s1 >>> (i - 64)) & 1);
      for (int w = 0; w < words; w++) {
        cols[i * words + w] ^= si & u[i * words + w];
      }
    }
    BitMatrix.transposeColumns(cols, words, q, 0, m);
    long tweak = counter;
    counter += m;
    return tweak;
  }

  private void flip(long[] q, long[] dst, int m) {
    for (int j = 0; j < m; j++) {
      dst[2 * j] = q[2 * j] ^ s0;
      dst[2 * j + 1] = q[2 * j + 1] ^ s1;
    }
  }
}
