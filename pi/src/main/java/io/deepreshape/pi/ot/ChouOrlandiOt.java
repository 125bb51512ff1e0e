package io.deepreshape.pi.ot;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.prg.LongBytes;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Random base OT by Chou and Orlandi, "The Simplest Protocol for Oblivious Transfer" (Latincrypt
 * 2015), on the NIST curve secp256r1, semi-honest. The sender sends {@code A = aG}; for choice
 * {@code c} the receiver answers {@code B = bG + cA}; the sender's keys are {@code k0 = H(aB)} and
 * {@code k1 = H(a(B - A))}, the receiver's {@code k_c = H(bA)}, with {@code H} SHA-256 over the
 * index and the transcript, cut to 128 bits.
 */
public final class ChouOrlandiOt {
  static final byte MSG_A = 0x20;
  static final byte MSG_B = 0x21;
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final int POINT_BYTES = 33;
  private static final FixedPointCombMultiplier BASE = new FixedPointCombMultiplier();

  private ChouOrlandiOt() {}

  /** Sender side of {@code n} random OTs: returns {@code n} key pairs, 4 longs each (k0, k1). */
  public static long[] send(Channel ch, int n, SecureRandom rnd) {
    BigInteger a = scalar(rnd);
    ECPoint bigA = BASE.multiply(CURVE.getG(), a).normalize();
    byte[] encA = bigA.getEncoded(true);
    ch.send(MSG_A, encA);
    byte[] bs = ch.receive(MSG_B);
    if (bs.length != n * POINT_BYTES) {
      throw new ChannelException("base OT: expected " + n * POINT_BYTES + " bytes of points, got "
          + bs.length);
    }
    ECPoint aA = bigA.multiply(a);
    long[] keys = new long[4 * n];
    byte[] encB = new byte[POINT_BYTES];
    for (int i = 0; i < n; i++) {
      System.arraycopy(bs, i * POINT_BYTES, encB, 0, POINT_BYTES);
      ECPoint aB = decode(encB).multiply(a);
      hash(i, encA, encB, aB, keys, 4 * i);
      hash(i, encA, encB, aB.subtract(aA), keys, 4 * i + 2);
    }
    return keys;
  }

  /**
   * Receiver side of {@code n} random OTs with choice bits {@code choices} (bit {@code i} of word
   * {@code i/64}): returns the {@code n} chosen keys, 2 longs each.
   */
  public static long[] receive(Channel ch, long[] choices, int n, SecureRandom rnd) {
    byte[] encA = ch.receive(MSG_A);
    ECPoint bigA = decode(encA);
    BigInteger[] b = new BigInteger[n];
    byte[] bs = new byte[n * POINT_BYTES];
    for (int i = 0; i < n; i++) {
      b[i] = scalar(rnd);
      ECPoint bigB = BASE.multiply(CURVE.getG(), b[i]);
      if (((choices[i >>> 6] >>> i) & 1) != 0) {
        bigB = bigB.add(bigA);
      }
      System.arraycopy(bigB.normalize().getEncoded(true), 0, bs, i * POINT_BYTES, POINT_BYTES);
    }
    ch.send(MSG_B, bs);
    long[] keys = new long[2 * n];
    byte[] encB = new byte[POINT_BYTES];
    for (int i = 0; i < n; i++) {
      System.arraycopy(bs, i * POINT_BYTES, encB, 0, POINT_BYTES);
      hash(i, encA, encB, bigA.multiply(b[i]), keys, 2 * i);
    }
    return keys;
  }

  private static BigInteger scalar(SecureRandom rnd) {
    BigInteger order = CURVE.getN();
    while (true) {
      BigInteger k = new BigInteger(order.bitLength(), rnd);
      if (k.signum() > 0 && k.compareTo(order) < 0) {
        return k;
      }
    }
  }

  private static ECPoint decode(byte[] enc) {
    ECPoint p;
    try {
      p = CURVE.getCurve().decodePoint(enc);
    } catch (IllegalArgumentException e) {
      throw new ChannelException("base OT: peer sent an invalid curve point", e);
    }
    if (p.isInfinity() || !p.isValid()) {
      throw new ChannelException("base OT: peer sent an invalid curve point");
    }
    return p;
  }

  private static void hash(int index, byte[] encA, byte[] encB, ECPoint shared, long[] out,
      int off) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
    sha.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8),
        (byte) index});
    sha.update(encA);
    sha.update(encB);
    sha.update(shared.normalize().getEncoded(true));
    byte[] d = sha.digest();
    out[off] = LongBytes.get(d, 0);
    out[off + 1] = LongBytes.get(d, 8);
  }
}
