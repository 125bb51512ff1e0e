package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.TccrHash;

/**
 * Three-halves garbling of AND gates ({@link ThreeHalves}): six hashes per gate, of the
 * colour-0 and colour-1 labels of each input and of their sum, with tweaks {@code 3j}, {@code 3j+1}
 * and {@code 3j+2} for gate identifier {@code j}; three 64-bit ciphertexts and five control bits
 * per gate. Not thread-safe.
 */
final class ThreeHalvesGarbling extends AndWalk {
  private final long d0;
  private final long d1;
  private final AesPrg controlMasks;
  private final TccrHash hash = new TccrHash();
  private final long[] rho = new long[Garbler.CHUNK_PAIRS / 32];
  private final long[] deltaTerms = new long[16 * 5];
  private final int[] controlTerms = new int[16];

  /**
   * A garbler under {@code Delta = (d0, d1)} drawing the control bits' masks from {@code
   * controlMasks}; null leaves them zero, which leaks the inputs' permute bits (the weakened
   * variant the tests attack).
   */
  ThreeHalvesGarbling(long d0, long d1, AesPrg controlMasks) {
    this.d0 = d0;
    this.d1 = d1;
    this.controlMasks = controlMasks;
    hash.reserve(6 * Garbler.CHUNK_PAIRS);
    fillDeltaTerms();
  }

  /**
   * Stages the six blocks to hash per pair: colour-0 and colour-1 labels of A, of B, and of A + B.
   * Keeps the input zero-labels as they are; their lowest bits are the permute bits.
   */
  @Override
  void stage(int n, int run, int a, int b, int negations, long id) {
    long fa = -(negations & 1);
    long fb = -(negations >>> 1 & 1);
    long fa0 = fa & d0;
    long fa1 = fa & d1;
    long fb0 = fb & d0;
    long fb1 = fb & d1;
    for (int j = 0; j < run; j++) {
      long za = labels[a + 2 * j] ^ fa0;
      long zb = labels[b + 2 * j] ^ fb0;
      long ma = -(za & 1);
      long mb = -(zb & 1);
      long al = za ^ (ma & d0);
      long ar = labels[a + 2 * j + 1] ^ fa1 ^ (ma & d1);
      long bl = zb ^ (mb & d0);
      long br = labels[b + 2 * j + 1] ^ fb1 ^ (mb & d1);
      keep(n + j, al | (za & 1), ar, bl | (zb & 1), br);
      long t = 3 * (id + j);
      int q = (n + j) * 6;
      hash.stage(q, al, ar, t);
      hash.stage(q + 1, al ^ d0, ar ^ d1, t);
      hash.stage(q + 2, bl, br, t + 1);
      hash.stage(q + 3, bl ^ d0, br ^ d1, t + 1);
      hash.stage(q + 4, al ^ bl, ar ^ br, t + 2);
      hash.stage(q + 5, al ^ bl ^ d0, ar ^ br ^ d1, t + 2);
    }
  }

  @Override
  void hash(int n) {
    hash.permute(6 * n);
    if (controlMasks != null) {
      controlMasks.nextLongs(rho, 0, (2 * n + 63) / 64);
    }
  }

  /**
   * Solves pairs {@code i .. i+run-1} of the chunk for their ciphertexts, output zero-labels and
   * control bits. The kept colour-0 labels carry in their lowest bit (zero in a colour-0 label) the
   * permute bits {@code alpha} and {@code beta} of the inputs' zero-labels. Each output is the sum of
   * its rows' terms with every term in {@code Delta} gathered into a constant of the gate's row
   * ({@link #fillDeltaTerms}), so what is left here is linear in the hashes and the labels. One
   * loop without calls: a separate solving method, at 628 bytes of bytecode, was not inlined.
   */
  @Override
  void finish(int i, int run, int o, int gate) {
    // the run's control bits are consecutive in the packed region: gathered a word at a time
    long p = 5L * gate;
    int w = 3 * c.andGates() * batch + (int) (p >>> 6);
    int s = (int) (p & 63);
    long word = 0;
    for (int j = 0; j < run; j++) {
      int n = i + j;
      long keptA = kept(n, 0);
      long keptB = kept(n, 2);
      int alpha = (int) keptA & 1;
      int beta = (int) keptB & 1;
      long al = keptA ^ alpha;
      long ar = kept(n, 1);
      long bl = keptB ^ beta;
      long br = kept(n, 3);
      int rhos = (int) (rho[n >>> 5] >>> (2 * n & 63)) & 3;
      int row = alpha | beta << 1 | rhos << 2;
      int k = 5 * row;
      long notA = alpha - 1L;
      long notB = beta - 1L;
      long rho0 = -(rhos & 1);
      long rho1 = -(rhos >>> 1);
      // the rows of S1 and S2 ({@link ThreeHalves}): s1l = S1's L; s2l = S1's R = S2's L; s2r
      long s1l = al ^ ar ^ bl;
      long s2l = al ^ br;
      long s2r = ar ^ bl ^ br;
      // Blocks q+1 .. q+5 follow blocks of this pair, staged in the order A0 A1 B0 B1 X0 X1, so
      // the predecessor and sigma terms of TccrHash's raw outputs cancel to sums of known values.
      int q = n * 6;
      long t = 3 * (tweakBase + gate + j);
      long t1 = t + 1;
      long u = t ^ t1;
      long a0 = hash.low(q, 0);
      long b0 = hash.rawLow(q + 2);
      long x0 = hash.rawLow(q + 4);
      int g = 3 * (gate + j);
      tables[g] = a0 ^ hash.rawLow(q + 1) ^ ar ^ t ^ bl ^ (notB & s2r) ^ ((notA ^ notB) & s1l)
          ^ deltaTerms[k];
      tables[g + 1] = b0 ^ hash.rawLow(q + 3) ^ br ^ u ^ (notA & s2l) ^ (notB & s2r)
          ^ deltaTerms[k + 1];
      tables[g + 2] = x0 ^ hash.rawLow(q + 5) ^ ar ^ (t1 ^ (t + 2)) ^ (notB & s2l)
          ^ ((notA ^ notB) & s2r) ^ deltaTerms[k + 2];
      labels[o + 2 * j] = a0 ^ x0 ^ t1 ^ bl ^ (rho0 & s1l) ^ (rho1 & s2l) ^ deltaTerms[k + 3];
      labels[o + 2 * j + 1] = b0 ^ x0 ^ br ^ u ^ ar ^ (rho0 & s2l) ^ (rho1 & s2r)
          ^ deltaTerms[k + 4];
      // the lowest bits of the hashes' high halves, in the control bits' order
      long hA = hash.high(q, 0, 0);
      long hB = hash.rawHigh(q + 2) ^ br;
      long hX = hash.rawHigh(q + 4);
      long v = ((hA ^ hX) & 1 | (hB ^ hX) << 1 & 2 | (hA ^ ar ^ hash.rawHigh(q + 1)) << 2 & 4
          | (hB ^ ar ^ hash.rawHigh(q + 3)) << 3 & 8 | (hX ^ ar ^ hash.rawHigh(q + 5)) << 4 & 16)
          ^ controlTerms[row];
      word |= v << s;
      s += 5;
      if (s >= 64) {
        tables[w++] |= word;
        s -= 64;
        word = v >>> (5 - s);
      }
    }
    if (word != 0) {
      tables[w] |= word;
    }
  }

  /**
   * The terms in {@code Delta} of each row {@code alpha | beta << 1 | rho0 << 2 | rho1 << 3}: of
   * {@code G0, G1, G2} and of the output zero-label's two halves, five longs per row, and of the
   * five control bits. The outputs are: {@code Z00 = H(A0) + H(X0) + R_00 . (A0, B0)} plus the
   * colour-0 truth value times {@code Delta}, likewise {@code Z10} of {@code A1, B0} and {@code Z01}
   * of {@code A0, B1}; {@code G2 = Z10_R + Z00_R}, {@code G0 = Z10_L + Z00_L + G2}, {@code G1 =
   * Z01_R + Z10_R}.
   */
  private void fillDeltaTerms() {
    long dd = d0 ^ d1;
    int ddBit = (int) dd & 1;
    for (int row = 0; row < 16; row++) {
      int alpha = row & 1;
      int beta = row >>> 1 & 1;
      int rho0 = row >>> 2 & 1;
      int rho1 = row >>> 3;
      int notA = alpha ^ 1;
      int notB = beta ^ 1;
      long r10a = -(rho0 ^ notB);
      long r10b = -(rho1 ^ notA ^ notB);
      long r01a = -(rho0 ^ notA ^ notB);
      long r01b = -(rho1 ^ notA);
      long t00 = -(alpha & beta);
      long t10 = -(notA & beta);
      long t01 = -(alpha & notB);
      // H(X0) and H(A1), H(B0), H(B1), H(X1) carry d1 from their cancelled predecessor terms
      long zl00 = d1 ^ (t00 & d0);
      long zr00 = t00 & d1;
      long zl10 = ThreeHalves.left(0, r10a, r10b, d0, d1, 0, 0) ^ (t10 & d0);
      long zr10 = ThreeHalves.right(-1L, r10a, r10b, d0, d1, 0, 0) ^ (t10 & d1);
      long zr01 = ThreeHalves.right(0, r01a, r01b, 0, 0, d0, d1) ^ (t01 & d1);
      long g2 = zr10 ^ zr00;
      int k = 5 * row;
      deltaTerms[k] = zl10 ^ zl00 ^ g2;
      deltaTerms[k + 1] = zr01 ^ zr10;
      deltaTerms[k + 2] = g2;
      deltaTerms[k + 3] = zl00;
      deltaTerms[k + 4] = zr00;
      controlTerms[row] = (rho0 | rho1 << 1 | notA << 2 | notB << 3 | (notA ^ notB) << 4)
          ^ (ddBit | ddBit << 2);
    }
  }
}
