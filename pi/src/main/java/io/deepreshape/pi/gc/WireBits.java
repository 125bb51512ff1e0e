package io.deepreshape.pi.gc;

/**
 * Conversion between l-bit words and the wire-major bit arrays of a batch of circuit instances: bit
 * {@code i} of word {@code j} of instance {@code k} sits at {@code bits[(first + j*l + i) * batch
 * + k]}, one byte (0 or 1) per bit.
 */
public final class WireBits {
  private WireBits() {}

  /**
   * Writes {@code words} l-bit words per instance ({@code values[k*words + j]}) into {@code bits}
   * starting at wire {@code first}.
   */
  public static void encode(long[] values, int words, int l, byte[] bits, int first, int batch) {
    for (int k = 0; k < batch; k++) {
      for (int j = 0; j < words; j++) {
        long v = values[k * words + j];
        int base = first + j * l;
        for (int i = 0; i < l; i++) {
          bits[(base + i) * batch + k] = (byte) ((v >>> i) & 1);
        }
      }
    }
  }

  /** Reads {@code words} l-bit words per instance from wire {@code first}, as values mod 2^l. */
  public static long[] decode(byte[] bits, int first, int words, int l, int batch) {
    long[] values = new long[batch * words];
    for (int k = 0; k < batch; k++) {
      for (int j = 0; j < words; j++) {
        long v = 0;
        int base = first + j * l;
        for (int i = 0; i < l; i++) {
          v |= (long) (bits[(base + i) * batch + k] & 1) << i;
        }
        values[k * words + j] = v;
      }
    }
    return values;
  }

  /** Packs 0/1 bytes into a bit vector ({@code bit i} of word {@code i/64}), e.g. OT choices. */
  public static long[] pack(byte[] bits) {
    long[] words = new long[(bits.length + 63) >>> 6];
    for (int i = 0; i < bits.length; i++) {
      words[i >>> 6] |= (long) (bits[i] & 1) << i;
    }
    return words;
  }

  /** Bytes that {@code n} bits take packed ({@link #packInto}). */
  public static int packedBytes(int n) {
    return (n + 7) >>> 3;
  }

  /** Packs 0/1 bytes into {@code dst} from {@code off}: bit {@code i} is bit {@code i%8} of byte {@code i/8}. */
  public static void packInto(byte[] bits, byte[] dst, int off) {
    for (int i = 0; i < bits.length; i++) {
      dst[off + (i >>> 3)] |= (byte) ((bits[i] & 1) << (i & 7));
    }
  }

  /** Bit {@code i} of what {@link #packInto} wrote from {@code off}. */
  public static int bitAt(byte[] packed, int off, int i) {
    return (packed[off + (i >>> 3)] >>> (i & 7)) & 1;
  }
}
