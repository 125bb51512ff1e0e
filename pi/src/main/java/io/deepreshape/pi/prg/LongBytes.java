package io.deepreshape.pi.prg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bulk little-endian conversion between {@code long[]} and {@code byte[]}, used to feed AES blocks
 * (two longs per 16-byte block: bytes 0-7 then 8-15) and to frame long arrays on a channel.
 */
public final class LongBytes {
  private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  private LongBytes() {}

  /** Writes {@code len} longs from {@code src[srcOff..]} into {@code dst[dstOff..]}, 8 bytes each. */
  public static void toBytes(long[] src, int srcOff, int len, byte[] dst, int dstOff) {
    for (int i = 0; i < len; i++) {
      LE.set(dst, dstOff + 8 * i, src[srcOff + i]);
    }
  }

  /** Reads {@code len} longs from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
  public static void fromBytes(byte[] src, int srcOff, long[] dst, int dstOff, int len) {
    for (int i = 0; i < len; i++) {
      dst[dstOff + i] = (long) LE.get(src, srcOff + 8 * i);
    }
  }

  /** Reads one little-endian long at {@code off}. */
  public static long get(byte[] src, int off) {
    return (long) LE.get(src, off);
  }

  /** Writes one little-endian long at {@code off}. */
  public static void set(byte[] dst, int off, long value) {
    LE.set(dst, off, value);
  }

  /** A new byte array holding {@code src[off..off+len)} as little-endian longs. */
  public static byte[] toBytes(long[] src, int off, int len) {
    byte[] out = new byte[Math.multiplyExact(len, 8)];
    toBytes(src, off, len, out, 0);
    return out;
  }

  /** A new long array decoded from all of {@code src}, whose length must be a multiple of 8. */
  public static long[] fromBytes(byte[] src) {
    if ((src.length & 7) != 0) {
      throw new IllegalArgumentException("byte length " + src.length + " is not a multiple of 8");
    }
    long[] out = new long[src.length >>> 3];
    fromBytes(src, 0, out, 0, out.length);
    return out;
  }
}
