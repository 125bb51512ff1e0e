package io.deepreshape.pi.prg;

import java.security.SecureRandom;

/**
 * A pseudorandom generator: the AES-128 counter-mode stream under a secret seed ({@link
 * AesCounterStream}), buffered. Fills {@code long[]} and {@code byte[]} in bulk. Not thread-safe;
 * one instance per thread.
 */
public final class AesPrg {
  private static final int BUFFER_BLOCKS = 4096;

  private final AesCounterStream aes;
  private final byte[] stream = new byte[BUFFER_BLOCKS * 16];
  private int pos = stream.length;

  /** A PRG expanding the 16-byte {@code seed}. */
  public AesPrg(byte[] seed) {
    this.aes = new AesCounterStream(seed);
  }

  /** A PRG seeded from {@link SecureRandom}. */
  public static AesPrg fromSecureRandom() {
    return fromSecureRandom(new SecureRandom());
  }

  /** A PRG seeded with 16 bytes from {@code random}. */
  public static AesPrg fromSecureRandom(SecureRandom random) {
    byte[] seed = new byte[16];
    random.nextBytes(seed);
    return new AesPrg(seed);
  }

  /** Fills {@code out[off..off+len)} with pseudorandom bytes. */
  public void nextBytes(byte[] out, int off, int len) {
    while (len > 0) {
      if (pos == stream.length) {
        refill();
      }
      int n = Math.min(len, stream.length - pos);
      System.arraycopy(stream, pos, out, off, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  /** Fills all of {@code out} with pseudorandom bytes. */
  public void nextBytes(byte[] out) {
    nextBytes(out, 0, out.length);
  }

  /** Fills {@code out[off..off+len)} with pseudorandom longs. */
  public void nextLongs(long[] out, int off, int len) {
    while (len > 0) {
      if (pos > stream.length - 8) {
        refill();
      }
      int n = Math.min(len, (stream.length - pos) >>> 3);
      LongBytes.fromBytes(stream, pos, out, off, n);
      pos += 8 * n;
      off += n;
      len -= n;
    }
  }

  /** Fills all of {@code out} with pseudorandom longs. */
  public void nextLongs(long[] out) {
    nextLongs(out, 0, out.length);
  }

  /** One pseudorandom long. */
  public long nextLong() {
    if (pos > stream.length - 8) {
      refill();
    }
    long v = LongBytes.get(stream, pos);
    pos += 8;
    return v;
  }

  /** A uniform value in {@code [0, bound)} for {@code bound >= 1}, by rejection sampling. */
  public long nextLong(long bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be >= 1, got " + bound);
    }
    long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1 | 1);
    while (true) {
      long v = nextLong() & mask;
      if (v < bound) {
        return v;
      }
    }
  }

  private void refill() {
    aes.next(stream, 0, stream.length);
    pos = 0;
  }
}
