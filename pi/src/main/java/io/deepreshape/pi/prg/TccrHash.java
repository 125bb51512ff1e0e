package io.deepreshape.pi.prg;

/**
 * The tweakable circular correlation-robust hash of Guo, Katz, Wang and Yu ("Efficient and Secure
 * Multiparty Computation from Fixed-Key Block Ciphers", IEEE S&amp;P 2020, section 7.3):
 * {@code H(x, i) = pi(sigma(x) XOR i) XOR sigma(x)}, where {@code pi} is AES-128 under a fixed,
 * public key and {@code sigma(x_L || x_R) = (x_L XOR x_R) || x_L} is a linear orthomorphism.
 *
 * <p>A 128-bit block is two longs {@code (w0, w1)}, the low and high halves (AES bytes 0-7 and
 * 8-15); {@code x_L = w1}, {@code x_R = w0}, and the tweak {@code i} is a 64-bit value placed in the
 * low half. Blocks are hashed in batches: one AES call per batch. Not thread-safe.
 */
public final class TccrHash {
  /** The fixed public AES key (the first 16 hex digits of pi, as a nothing-up-my-sleeve value). */
  private static final byte[] FIXED_KEY = {
      0x24, 0x3f, 0x6a, (byte) 0x88, (byte) 0x85, (byte) 0xa3, 0x08, (byte) 0xd3,
      0x13, 0x19, (byte) 0x8a, 0x2e, 0x03, 0x70, 0x73, 0x44};

  private final Aes aes = new Aes(FIXED_KEY);
  private byte[] in = new byte[0];
  private byte[] out = new byte[0];

  /**
   * Hashes {@code n} blocks: {@code dst[2k..2k+1] = H(x[xOff+2k..], tweak[tOff+k])}. The arrays
   * {@code x} and {@code dst} may be the same.
   */
  public void hash(long[] x, int xOff, long[] tweak, int tOff, long[] dst, int dstOff, int n) {
    ensure(n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      LongBytes.set(in, 16 * k, w1 ^ tweak[tOff + k]);
      LongBytes.set(in, 16 * k + 8, w0 ^ w1);
    }
    aes.encrypt(in, 0, out, 0, n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      dst[dstOff + 2 * k] = LongBytes.get(out, 16 * k) ^ w1;
      dst[dstOff + 2 * k + 1] = LongBytes.get(out, 16 * k + 8) ^ w0 ^ w1;
    }
  }

  /** Hashes {@code n} blocks of {@code x} in place with tweaks {@code tweak0, tweak0+1, ...}. */
  public void hashSequential(long[] x, int xOff, long tweak0, int n) {
    ensure(n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      LongBytes.set(in, 16 * k, w1 ^ (tweak0 + k));
      LongBytes.set(in, 16 * k + 8, w0 ^ w1);
    }
    aes.encrypt(in, 0, out, 0, n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      x[xOff + 2 * k] = LongBytes.get(out, 16 * k) ^ w1;
      x[xOff + 2 * k + 1] = LongBytes.get(out, 16 * k + 8) ^ w0 ^ w1;
    }
  }

  private void ensure(int n) {
    if (in.length < 16 * n) {
      in = new byte[16 * n];
      out = new byte[16 * n];
    }
  }
}
