package io.deepreshape.pi.prg;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-128 counter-mode key stream (NIST SP 800-38A: the 128-bit big-endian counter block
 * starts at 0) under one key, from the JDK's {@code AES/CTR/NoPadding}, whose AES-NI intrinsic
 * encrypts several counter blocks at once. The intrinsic replaces the call only once its caller is
 * compiled, which takes thousands of calls, so the stream is produced in calls of {@link
 * #CALL_BYTES}. One instance is not thread-safe.
 */
final class AesCounterStream {
  /** Bytes per JDK call: small enough that the intrinsic's caller gets hot soon. */
  static final int CALL_BYTES = 4096;

  private static final byte[] ZEROS = new byte[CALL_BYTES];

  private final Cipher ctr;

  /** The stream under the 16-byte {@code key}. */
  AesCounterStream(byte[] key) {
    if (key.length != 16) {
      throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + key.length);
    }
    try {
      ctr = Cipher.getInstance("AES/CTR/NoPadding");
      ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR/NoPadding unavailable", e);
    }
  }

  /** Writes the next {@code len} bytes of the stream to {@code out[off..]}. */
  void next(byte[] out, int off, int len) {
    try {
      for (int done = 0; done < len; done += CALL_BYTES) {
        int n = Math.min(CALL_BYTES, len - done);
        if (ctr.update(ZEROS, 0, n, out, off + done) != n) {
          throw new IllegalStateException("AES/CTR returned a short stream");
        }
      }
    } catch (ShortBufferException e) {
      throw new IllegalArgumentException("output buffer too small for " + len + " bytes", e);
    }
  }
}
