package io.deepreshape.pi.prg;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 encryption of many 16-byte blocks per call with the JDK's {@code AES/ECB/NoPadding}
 * (AES-NI intrinsics). One instance is not thread-safe.
 */
public final class Aes {
  private final Cipher cipher;

  /** An AES-128 encryptor under the 16-byte {@code key}. */
  public Aes(byte[] key) {
    if (key.length != 16) {
      throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + key.length);
    }
    try {
      cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB/NoPadding unavailable", e);
    }
  }

  /** Encrypts {@code blocks} blocks of {@code in[inOff..]} into {@code out[outOff..]}. */
  public void encrypt(byte[] in, int inOff, byte[] out, int outOff, int blocks) {
    try {
      int n = cipher.update(in, inOff, blocks * 16, out, outOff);
      if (n != blocks * 16) {
        throw new IllegalStateException("AES produced " + n + " bytes for " + blocks + " blocks");
      }
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too small for " + blocks + " blocks", e);
    }
  }
}
