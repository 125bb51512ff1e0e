package io.deepreshape.pi.prg;

import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 decryption of many 16-byte blocks under one key, at the speed of the JDK's pipelined
 * AES-NI path. The JDK 17 intrinsic for {@code AES/ECB} works one block at a time; the one for CBC
 * decryption works on several blocks at once (CBC decryption has no chain between the block
 * decryptions), and only once its caller is compiled, which takes thousands of calls. So blocks go
 * through {@code AES/CBC/NoPadding} in calls of {@link #CALL_BYTES}, and the caller undoes CBC's
 * XOR with the previous ciphertext block, {@code D(c_k) = P_k XOR c_(k-1)}, where it reads the
 * blocks anyway. One instance is not thread-safe.
 */
public final class AesDecryption {
  /** Bytes per JDK call: small enough that the intrinsic's caller gets hot soon. */
  static final int CALL_BYTES = 4096;

  private final Cipher cbc;
  private final Key key;

  /** A decryptor under the 16-byte {@code key}. */
  public AesDecryption(byte[] key) {
    if (key.length != 16) {
      throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    try {
      cbc = Cipher.getInstance("AES/CBC/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC/NoPadding unavailable", e);
    }
  }

  /**
   * CBC-decrypts {@code blocks} blocks of {@code in[inOff..]} into {@code out[outOff..]} with the
   * 16 bytes before {@code inOff} as the IV: output block {@code k} is {@code D(in_k) XOR
   * in_(k-1)}. The ranges must not overlap.
   */
  public void decryptCbc(byte[] in, int inOff, byte[] out, int outOff, int blocks) {
    int len = Math.multiplyExact(blocks, 16);
    try {
      cbc.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(in, inOff - 16, 16));
      for (int done = 0; done < len; done += CALL_BYTES) {
        int n = Math.min(CALL_BYTES, len - done);
        if (cbc.update(in, inOff + done, n, out, outOff + done) != n) {
          throw new IllegalStateException("AES/CBC returned a short block count");
        }
      }
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too small for " + blocks + " blocks", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC refused its key or IV", e);
    }
  }
}
