package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.math.BigInteger;
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
  void aSeededCiphertextHalvesTheMessageAndExpandsToTheSameCiphertext() {
    long[] m = randomPlain();
    long[] wire = new long[SeededCiphertext.longs(PARAMS) + 3];
    enc.encryptSeeded(m).writeTo(wire, 3);
    assertThat(SeededCiphertext.longs(PARAMS)).isEqualTo(PARAMS.primeCount() * PARAMS.n() + 2);
    Ciphertext expanded = SeededCiphertext.readExpanded(PARAMS, wire, 3);
    assertThat(dec.decrypt(expanded)).isEqualTo(m);
    assertThat(dec.noiseBits(expanded)).isLessThan(6);
    // a fresh seed per ciphertext: the same plaintext twice gets two different a
    long[] again = new long[SeededCiphertext.longs(PARAMS)];
    enc.encryptSeeded(m).writeTo(again, 0);
    Ciphertext other = SeededCiphertext.readExpanded(PARAMS, again, 0);
    assertThat(other.c1).isNotEqualTo(expanded.c1);
    // the seed alone fixes a: another seed decrypts to garbage
    again[again.length - 1] ^= 1;
    assertThat(dec.decrypt(SeededCiphertext.readExpanded(PARAMS, again, 0))).isNotEqualTo(m);
    wire[3] = PARAMS.prime(0).value();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> SeededCiphertext.readExpanded(PARAMS, wire, 3))
        .hasMessageContaining("residue out of range at 0");
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
  void theWeightsNoiseStaysBelowItsWorstCaseBound() {
    long[] w = new long[PARAMS.n()];
    double l1 = 0;
    for (int i = 0; i < 576; i++) {
      long v = rnd.nextInt(1 << 14) - (1 << 13);
      w[i] = v & PARAMS.plainMask();
      l1 += Math.abs(v);
    }
    NttPlaintext pw = NttPlaintext.encode(PARAMS, w);
    Ciphertext acc = Ciphertext.zero(PARAMS);
    for (int g = 0; g < 3; g++) {
      ev.multiplyAccumulate(acc, enc.encrypt(randomPlain()), pw);
    }
    ev.toCoefficients(acc);
    double bound = NoiseFlooding.worstCaseBound(3 * l1);
    // a sum of about 1700 independent terms sits far inside its worst case, but above 2^-12 of it
    assertThat(Math.pow(2, dec.noiseBits(acc))).isLessThanOrEqualTo(bound)
        .isGreaterThan(bound / 4096);
  }

  @Test
  void aSealedReplyKeepsTheStatedMarginAndDecryptsAfterTheSwitchToOnePrime() {
    checkSealedReply(L, 1);
  }

  @Test
  void aWiderRingKeepsTwoPrimesInTheReply() {
    // t = 2^52 leaves p1 / 2t = 2^1.5, below the rounding noise of a switch: two primes stay
    checkSealedReply(52, 2);
  }

  private void checkSealedReply(int plainBits, int replyPrimes) {
    BfvParameters session = BfvParameters.session(plainBits);
    SecretKey sk = SecretKey.generate(session, prg);
    Encryptor encryptor = new Encryptor(sk, prg);
    long[] m = new long[session.n()];
    for (int i = 0; i < m.length; i++) {
      m[i] = rnd.nextLong() & session.plainMask();
    }
    long[] w = new long[session.n()];
    for (int i = 0; i < 576; i++) {
      w[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & session.plainMask();
    }
    long[] mask = new long[session.n()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rnd.nextLong() & session.plainMask();
    }
    FloodingBudget budget = FloodingBudget.forSession(session, 1L << 26);
    ReplySealer sealer = new ReplySealer(PublicKey.generate(sk, prg), budget, prg);
    Ciphertext acc = Ciphertext.zero(session);
    new BfvEvaluator(session).multiplyAccumulate(acc, encryptor.encrypt(m),
        NttPlaintext.encode(session, w));
    Ciphertext reply = sealer.seal(acc, mask);
    assertThat(sealer.replyParams().primeCount()).isEqualTo(replyPrimes);
    Decryptor replyDec = new Decryptor(sk, sealer.replyParams());
    double noise = replyDec.noiseBits(reply);
    // the flood dominates: 2^f scaled down by the dropped primes
    double scaled = budget.floodBits() - (session.log2q() - sealer.replyParams().log2q());
    assertThat(noise).isGreaterThan(scaled - 1.0)
        .isLessThanOrEqualTo(sealer.replyParams().noiseLimitBits() - NoiseFlooding.MARGIN_BITS);
    long[] want = negacyclic(m, w, session.n(), session.plainMask());
    for (int i = 0; i < want.length; i++) {
      want[i] = (want[i] - mask[i]) & session.plainMask();
    }
    assertThat(replyDec.decrypt(reply)).isEqualTo(want);
  }

  /** The engine's fused path equals the product then {@link ReplySealer#seal}: same reply bits. */
  @Test
  void aSealedSumIsTheSealOfTheSummedProductsBitForBit() {
    BfvParameters session = BfvParameters.session(L);
    SecretKey sk = SecretKey.generate(session, prg);
    Encryptor encryptor = new Encryptor(sk, prg);
    PublicKey pk = PublicKey.generate(sk, prg);
    FloodingBudget budget = FloodingBudget.forSession(session, 1L << 26);
    Ciphertext[] cts = new Ciphertext[3];
    NttPlaintext[] ws = new NttPlaintext[3];
    for (int k = 0; k < cts.length; k++) {
      long[] m = new long[session.n()];
      long[] w = new long[session.n()];
      for (int i = 0; i < m.length; i++) {
        m[i] = rnd.nextLong() & session.plainMask();
        w[i] = (rnd.nextInt(1 << 8) - (1 << 7)) & session.plainMask();
      }
      cts[k] = encryptor.encrypt(m);
      ws[k] = NttPlaintext.encode(session, w);
    }
    long[] mask = new long[session.n()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rnd.nextLong() & session.plainMask();
    }
    int[] positions = {0, 5, 77, 1000, session.n() - 1};
    byte[] seed = new byte[16];
    seed[0] = 42;
    for (boolean rerandomise : new boolean[] {true, false}) {
      SparseReply fused = new ReplySealer(pk, budget, new AesPrg(seed), rerandomise)
          .sealSum(new ProductTerms(cts, ws), mask, positions);
      Ciphertext acc = new BfvEvaluator(session).sumOfProducts(cts, ws);
      SparseReply apart = new ReplySealer(pk, budget, new AesPrg(seed), rerandomise)
          .seal(acc, mask, positions);
      assertThat(fused.c0).as("c0, rerandomise %s", rerandomise).isEqualTo(apart.c0);
      assertThat(fused.c1).as("c1, rerandomise %s", rerandomise).isEqualTo(apart.c1);
    }
  }

  @Test
  void aSumOfProductsIsExactModuloEveryPrimeAcrossReductionBlocks() {
    BfvParameters session = BfvParameters.session(L);
    for (int terms : new int[] {1, 3, BfvEvaluator.TERMS_PER_REDUCTION + 44}) {
      Ciphertext[] cts = new Ciphertext[terms];
      NttPlaintext[] ws = new NttPlaintext[terms];
      int len = session.primeCount() * session.n();
      for (int k = 0; k < terms; k++) {
        long[] c0 = new long[len];
        long[] c1 = new long[len];
        long[] w = new long[len];
        for (int j = 0; j < len; j++) {
          long p = session.prime(j / session.n()).value();
          // the first coefficients of every prime take the largest residue, p - 1
          boolean extreme = j % session.n() < 8;
          c0[j] = extreme ? p - 1 : rnd.nextLong(p);
          c1[j] = extreme ? p - 1 : rnd.nextLong(p);
          w[j] = extreme ? p - 1 : rnd.nextLong(p);
        }
        cts[k] = new Ciphertext(c0, c1, true);
        ws[k] = new NttPlaintext(w);
      }
      Ciphertext sum = new BfvEvaluator(session).sumOfProducts(cts, ws);
      for (int j = 0; j < len; j += 97) {
        BigInteger p = BigInteger.valueOf(session.prime(j / session.n()).value());
        BigInteger e0 = BigInteger.ZERO;
        BigInteger e1 = BigInteger.ZERO;
        for (int k = 0; k < terms; k++) {
          BigInteger w = BigInteger.valueOf(ws[k].values[j]);
          e0 = e0.add(BigInteger.valueOf(cts[k].c0[j]).multiply(w));
          e1 = e1.add(BigInteger.valueOf(cts[k].c1[j]).multiply(w));
        }
        assertThat(sum.c0[j]).as("c0[%d], %d terms", j, terms).isEqualTo(e0.mod(p).longValue());
        assertThat(sum.c1[j]).as("c1[%d], %d terms", j, terms).isEqualTo(e1.mod(p).longValue());
      }
      for (int j = 0; j < 8; j++) {
        BigInteger p = BigInteger.valueOf(session.prime(0).value());
        BigInteger max = p.subtract(BigInteger.ONE);
        long want = max.multiply(max).multiply(BigInteger.valueOf(terms)).mod(p).longValue();
        assertThat(sum.c0[j]).as("extreme c0[%d], %d terms", j, terms).isEqualTo(want);
      }
    }
  }

  private long[] randomPlain() {
    long[] m = new long[PARAMS.n()];
    for (int i = 0; i < m.length; i++) {
      m[i] = rnd.nextLong() & PARAMS.plainMask();
    }
    return m;
  }

  private static long[] negacyclicModT(long[] a, long[] b) {
    return negacyclic(a, b, PARAMS.n(), PARAMS.plainMask());
  }

  private static long[] negacyclic(long[] a, long[] b, int n, long mask) {
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
      out[k] &= mask;
    }
    return out;
  }
}
