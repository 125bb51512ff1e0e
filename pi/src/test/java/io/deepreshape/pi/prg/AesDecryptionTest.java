package io.deepreshape.pi.prg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesDecryptionTest {
  private static final byte[] KEY = "fedcba9876543210".getBytes();

  @Test
  void eachBlockIsDecryptedAndXoredWithTheOneBeforeItWhateverTheCallSizes() throws Exception {
    Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"));
    AesDecryption aes = new AesDecryption(KEY);
    SplittableRandom rnd = new SplittableRandom(9);
    // sizes below, at and across the JDK call size, so that every seam between calls is crossed
    int callBlocks = AesDecryption.CALL_BYTES / 16;
    for (int blocks : new int[] {1, callBlocks, callBlocks + 1, 3 * callBlocks - 1, 2, 0, 7}) {
      byte[] in = new byte[16 * blocks + 32];
      for (int i = 0; i < in.length; i++) {
        in[i] = (byte) rnd.nextInt();
      }
      byte[] out = new byte[16 * blocks + 48];
      aes.decryptCbc(in, 32, out, 48, blocks);
      byte[] plain = ecb.doFinal(Arrays.copyOfRange(in, 32, in.length));
      for (int b = 0; b < 16 * blocks; b++) {
        assertThat((byte) (out[48 + b] ^ in[16 + b])).as("byte %d of %d blocks", b, blocks)
            .isEqualTo(plain[b]);
      }
      assertThat(Arrays.copyOf(out, 48)).isEqualTo(new byte[48]);
    }
  }
}
