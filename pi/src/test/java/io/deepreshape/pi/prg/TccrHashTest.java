package io.deepreshape.pi.prg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TccrHashTest {
  @Test
  void batchedHashMatchesTheDefinitionBlockByBlock() throws Exception {
    SplittableRandom rnd = new SplittableRandom(4);
    int n = 1000;
    long[] x = new long[2 * n];
    long[] tweak = new long[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rnd.nextLong();
      x[2 * i + 1] = rnd.nextLong();
      tweak[i] = rnd.nextLong();
    }
    long[] out = new long[2 * n];
    TccrHash hash = new TccrHash();
    hash.hash(x, 0, tweak, 0, out, 0, n);
    java.lang.reflect.Field f = TccrHash.class.getDeclaredField("FIXED_KEY");
    f.setAccessible(true);
    Aes pi = new Aes((byte[]) f.get(null));
    for (int i = 0; i < n; i++) {
      // sigma(xL || xR) = (xL ^ xR) || xL, xL the high half w1, xR the low half w0
      long s0 = x[2 * i + 1];
      long s1 = x[2 * i] ^ x[2 * i + 1];
      byte[] block = new byte[16];
      LongBytes.set(block, 0, s0 ^ tweak[i]);
      LongBytes.set(block, 8, s1);
      byte[] enc = new byte[16];
      pi.encrypt(block, 0, enc, 0, 1);
      assertThat(out[2 * i]).isEqualTo(LongBytes.get(enc, 0) ^ s0);
      assertThat(out[2 * i + 1]).isEqualTo(LongBytes.get(enc, 8) ^ s1);
    }
    long[] seq = x.clone();
    long[] seqTweaks = new long[n];
    for (int i = 0; i < n; i++) {
      seqTweaks[i] = 77 + i;
    }
    long[] want = new long[2 * n];
    hash.hash(x, 0, seqTweaks, 0, want, 0, n);
    hash.hashSequential(seq, 0, 77, n);
    assertThat(seq).isEqualTo(want);
  }
}
