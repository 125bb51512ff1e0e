package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BfvTest {
  private static final int L = 37;
  private static final BfvParameters PARAMS = BfvParameters.of(L);
  private final SplittableRandom rnd = new SplittableRandom(23);
  private final AesPrg prg = AesPrg.fromSecureRandom();
  private final SecretKey key = SecretKey.generate(PARAMS, prg);
  private final Encryptor enc = new Encryptor(key, prg);
  private final Decryptor dec = new Decryptor(key);
  private final BfvEvaluator ev = new BfvEvaluator(PARAMS);

  @Test
  void decryptsWhatWasEncryptedWithAFreshNoiseOfAFewBits() {
    long[] m = randomPlain();
    m[0] = 0;
    m[1] = PARAMS.plainMask();
    Ciphertext ct = enc.encrypt(m);
    assertThat(dec.decrypt(ct)).isEqualTo(m);
    assertThat(dec.noiseBits(ct)).isLessThan(6);
    Ciphertext copy = Ciphertext.fromLongs(PARAMS, ct.toLongs());
    ev.toCoefficients(copy);
    assertThat(dec.decrypt(copy)).isEqualTo(m);
  }

  @Test
  void plaintextProductAndAdditionWrapModuloT() {
    long[] m = randomPlain();
    long[] w = new long[PARAMS.n()];
    for (int i = 0; i < w.length; i += 7) {
      w[i] = (rnd.nextInt(1 << 13) - (1 << 12)) & PARAMS.plainMask();
    }
    long[] add = randomPlain();
    Ciphertext acc = Ciphertext.zero(PARAMS);
    ev.multiplyAccumulate(acc, enc.encrypt(m), NttPlaintext.encode(PARAMS, w));
    ev.toCoefficients(acc);
    ev.addPlain(acc, add);
    ev.subtractPlain(acc, m);
    long[] want = negacyclicModT(m, w);
    for (int i = 0; i < want.length; i++) {
      want[i] = (want[i] + add[i] - m[i]) & PARAMS.plainMask();
    }
    assertThat(dec.decrypt(acc)).isEqualTo(want);
  }

  @Test
  void floodingKeepsTheStatedMarginBelowTheDecryptionLimit() {
    long[] m = randomPlain();
    long[] w = new long[PARAMS.n()];
    for (int i = 0; i < 576; i++) {
      w[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & PARAMS.plainMask();
    }
    NttPlaintext pw = NttPlaintext.encode(PARAMS, w);
    Ciphertext acc = Ciphertext.zero(PARAMS);
    ev.multiplyAccumulate(acc, enc.encrypt(m), pw);
    ev.toCoefficients(acc);
    double bound = NoiseFlooding.noiseBound(pw.l1Norm(), pw.l2NormSquared());
    assertThat(Math.pow(2, dec.noiseBits(acc))).isLessThanOrEqualTo(bound);
    int f = NoiseFlooding.floodBits(PARAMS, bound, NoiseFlooding.DEFAULT_LAMBDA);
    NoiseFlooding.apply(ev, PARAMS, acc, bound, NoiseFlooding.DEFAULT_LAMBDA, prg);
    double noise = dec.noiseBits(acc);
    assertThat(noise).isGreaterThan(f - 1.0)
        .isLessThanOrEqualTo(PARAMS.noiseLimitBits() - NoiseFlooding.MARGIN_BITS + 0.1);
    assertThat(dec.decrypt(acc)).isEqualTo(negacyclicModT(m, w));
  }

  private long[] randomPlain() {
    long[] m = new long[PARAMS.n()];
    for (int i = 0; i < m.length; i++) {
      m[i] = rnd.nextLong() & PARAMS.plainMask();
    }
    return m;
  }

  private static long[] negacyclicModT(long[] a, long[] b) {
    int n = a.length;
    long[] out = new long[n];
    for (int j = 0; j < n; j++) {
      if (b[j] == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        int k = i + j;
        long prod = a[i] * b[j];
        if (k < n) {
          out[k] += prod;
        } else {
          out[k - n] -= prod;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      out[k] &= PARAMS.plainMask();
    }
    return out;
  }
}
