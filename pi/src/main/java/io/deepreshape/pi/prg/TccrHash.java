package io.deepreshape.pi.prg;

/**
 * The tweakable circular correlation-robust hash of Guo, Katz, Wang and Yu ("Efficient and Secure
 * Multiparty Computation from Fixed-Key Block Ciphers", IEEE S&amp;P 2020, section 7.3):
 * {@code H(x, i) = pi(sigma(x) XOR i) XOR sigma(x)}, where {@code pi} is AES-128 decryption under
 * a fixed, public key and {@code sigma(x_L || x_R) = (x_L XOR x_R) || x_L} is a linear
 * orthomorphism. The proof models {@code pi} as a random permutation, which AES decryption under a
 * fixed key is as much as encryption; decryption is the direction the JDK runs pipelined ({@link
 * AesDecryption}).
 *
 * <p>A 128-bit block is two longs {@code (w0, w1)}, the low and high halves (AES bytes 0-7 and
 * 8-15); {@code x_L = w1}, {@code x_R = w0}, and the tweak {@code i} is a 64-bit value placed in the
 * low half. Blocks are hashed in batches, either from arrays ({@link #hash}, {@link
 * #hashSequential}) or staged one by one straight into the AES buffer ({@link #stage}, {@link
 * #permute}, {@link #low}, {@link #high}), which hot loops use to skip a copy. Not thread-safe.
 */
public final class TccrHash {
  /** The fixed public AES key (the first 16 hex digits of pi, as a nothing-up-my-sleeve value). */
  private static final byte[] FIXED_KEY = {
      0x24, 0x3f, 0x6a, (byte) 0x88, (byte) 0x85, (byte) 0xa3, 0x08, (byte) 0xd3,
      0x13, 0x19, (byte) 0x8a, 0x2e, 0x03, 0x70, 0x73, 0x44};

  private final AesDecryption aes = new AesDecryption(FIXED_KEY);
  /** Staged blocks from byte 16; bytes 0-15 stay zero, the CBC IV, so block k's predecessor is at 16k. */
  private byte[] in = new byte[16];
  private byte[] out = new byte[16];

  /** Makes room for {@code n} staged blocks; call before staging them. */
  public void reserve(int n) {
    if (in.length < 16 * n + 16) {
      in = new byte[16 * n + 16];
      out = new byte[16 * n + 16];
    }
  }

  /** Stages block {@code k} of the batch: {@code x = (x0, x1)} under {@code tweak}. */
  public void stage(int k, long x0, long x1, long tweak) {
    LongBytes.set(in, 16 * k + 16, x1 ^ tweak);
    LongBytes.set(in, 16 * k + 24, x0 ^ x1);
  }

  /** Hashes the first {@code n} staged blocks. */
  public void permute(int n) {
    aes.decryptCbc(in, 16, out, 16, n);
  }

  /** The low half of block {@code k}'s hash, given its input's high half {@code x1}. */
  public long low(int k, long x1) {
    return LongBytes.get(out, 16 * k + 16) ^ LongBytes.get(in, 16 * k) ^ x1;
  }

  /** The high half of block {@code k}'s hash, given its input's halves. */
  public long high(int k, long x0, long x1) {
    return LongBytes.get(out, 16 * k + 24) ^ LongBytes.get(in, 16 * k + 8) ^ x0 ^ x1;
  }

  /**
   * Block {@code k}'s raw low output: its hash's low half XOR the low halves of {@code sigma(x_k)}
   * and of block {@code k-1}'s staged input (its {@code x1} XOR its tweak), which a caller that
   * knows both can cancel in registers.
   */
  public long rawLow(int k) {
    return LongBytes.get(out, 16 * k + 16);
  }

  /**
   * Block {@code k}'s raw high output: its hash's high half XOR the high halves of {@code
   * sigma(x_k)} and of block {@code k-1}'s staged input ({@code x0 XOR x1}).
   */
  public long rawHigh(int k) {
    return LongBytes.get(out, 16 * k + 24);
  }

  /**
   * Hashes {@code n} blocks: {@code dst[2k..2k+1] = H(x[xOff+2k..], tweak[tOff+k])}. The arrays
   * {@code x} and {@code dst} may be the same.
   */
  public void hash(long[] x, int xOff, long[] tweak, int tOff, long[] dst, int dstOff, int n) {
    reserve(n);
    for (int k = 0; k < n; k++) {
      stage(k, x[xOff + 2 * k], x[xOff + 2 * k + 1], tweak[tOff + k]);
    }
    permute(n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      dst[dstOff + 2 * k] = low(k, w1);
      dst[dstOff + 2 * k + 1] = high(k, w0, w1);
    }
  }

  /** Hashes {@code n} blocks of {@code x} in place with tweaks {@code tweak0, tweak0+1, ...}. */
  public void hashSequential(long[] x, int xOff, long tweak0, int n) {
    reserve(n);
    for (int k = 0; k < n; k++) {
      stage(k, x[xOff + 2 * k], x[xOff + 2 * k + 1], tweak0 + k);
    }
    permute(n);
    for (int k = 0; k < n; k++) {
      long w0 = x[xOff + 2 * k];
      long w1 = x[xOff + 2 * k + 1];
      x[xOff + 2 * k] = low(k, w1);
      x[xOff + 2 * k + 1] = high(k, w0, w1);
    }
  }
}
