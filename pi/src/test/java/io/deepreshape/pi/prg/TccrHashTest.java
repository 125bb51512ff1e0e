package io.deepreshape.pi.prg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TccrHashTest {
  @Test
  void batchedHashMatchesTheDefinitionBlockByBlockAcrossCalls() throws Exception {
    SplittableRandom rnd = new SplittableRandom(4);
    java.lang.reflect.Field f = TccrHash.class.getDeclaredField("FIXED_KEY");
    f.setAccessible(true);
    Cipher pi = Cipher.getInstance("AES/ECB/NoPadding");
    pi.init(Cipher.DECRYPT_MODE, new SecretKeySpec((byte[]) f.get(null), "AES"));
    TccrHash hash = new TccrHash();
    for (int n : new int[] {1000, 1, 257, 3}) {
      long[] x = new long[2 * n];
      long[] tweak = new long[n];
      for (int i = 0; i < n; i++) {
        x[2 * i] = rnd.nextLong();
        x[2 * i + 1] = rnd.nextLong();
        tweak[i] = rnd.nextLong();
      }
      long[] out = new long[2 * n];
      hash.hash(x, 0, tweak, 0, out, 0, n);
      for (int i = 0; i < n; i++) {
        // sigma(xL || xR) = (xL ^ xR) || xL, xL the high half w1, xR the low half w0
        long s0 = x[2 * i + 1];
        long s1 = x[2 * i] ^ x[2 * i + 1];
        byte[] block = new byte[16];
        LongBytes.set(block, 0, s0 ^ tweak[i]);
        LongBytes.set(block, 8, s1);
        byte[] permuted = pi.doFinal(block);
        assertThat(out[2 * i]).isEqualTo(LongBytes.get(permuted, 0) ^ s0);
        assertThat(out[2 * i + 1]).isEqualTo(LongBytes.get(permuted, 8) ^ s1);
      }
    }
  }

  @Test
  void sequentialTweaksHashLikeExplicitOnes() {
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 600;
    long[] x = rnd.longs(2 * n).toArray();
    long[] seqTweaks = new long[n];
    for (int i = 0; i < n; i++) {
      seqTweaks[i] = 77 + i;
    }
    long[] want = new long[2 * n];
    new TccrHash().hash(x, 0, seqTweaks, 0, want, 0, n);
    long[] seq = x.clone();
    new TccrHash().hashSequential(seq, 0, 77, n);
    assertThat(seq).isEqualTo(want);
  }
}
