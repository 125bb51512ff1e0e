package io.deepreshape.pi.prg;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesPrgTest {
  private static final byte[] SEED = "0123456789abcdef".getBytes();

  @Test
  void streamIsAesCounterModeWithABigEndianCounterFromZero() throws Exception {
    byte[] got = new byte[70_000];
    new AesPrg(SEED).nextBytes(got);
    // NIST SP 800-38A counter blocks: block b is E(b as a 128-bit big-endian integer); past 2^8
    // blocks, so that a little-endian counter would differ
    Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(SEED, "AES"));
    for (int block = 0; block < got.length / 16; block += 997) {
      byte[] counter = java.nio.ByteBuffer.allocate(16).putLong(8, block).array();
      byte[] want = ecb.doFinal(counter);
      for (int i = 0; i < 16; i++) {
        assertThat(got[16 * block + i]).isEqualTo(want[i]);
      }
    }
  }

  @Test
  void bulkAndPiecewiseDrawsGiveTheSameStream() {
    long[] bulk = new long[20_000];
    new AesPrg(SEED).nextLongs(bulk);
    AesPrg piecewise = new AesPrg(SEED);
    long[] parts = new long[bulk.length];
    int pos = 0;
    for (int step = 1; pos < parts.length; step = step * 3 % 1001 + 1) {
      int n = Math.min(step, parts.length - pos);
      if (n == 1) {
        parts[pos] = piecewise.nextLong();
      } else {
        piecewise.nextLongs(parts, pos, n);
      }
      pos += n;
    }
    assertThat(parts).isEqualTo(bulk);
  }

  @Test
  void boundedDrawsStayInRangeAndCoverIt() {
    AesPrg prg = AesPrg.fromSecureRandom();
    int[] counts = new int[3];
    for (int i = 0; i < 30_000; i++) {
      long v = prg.nextLong(3);
      assertThat(v).isBetween(0L, 2L);
      counts[(int) v]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(9_000, 11_000);
    }
    long big = (1L << 54) + 12345;
    for (int i = 0; i < 1000; i++) {
      assertThat(prg.nextLong(big)).isBetween(0L, big - 1);
    }
  }

  @Test
  void bitsAreBalanced() {
    long[] v = new long[1 << 14];
    AesPrg.fromSecureRandom().nextLongs(v);
    long ones = 0;
    for (long x : v) {
      ones += Long.bitCount(x);
    }
    double frac = ones / (64.0 * v.length);
    assertThat(frac).isBetween(0.495, 0.505);
  }
}
