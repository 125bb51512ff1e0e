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

  @Override
  void finish(int i, int run, int o, int gate) {
    int controlBase = 3 * c.andGates() * batch;
    for (int j = 0; j < run; j++) {
      int v = solve(i + j, gate + j, o + 2 * j);
      ThreeHalves.putControl(tables, controlBase, gate + j, v);
    }
  }

  /**
   * Solves pair {@code i} of the chunk, table slot {@code slot}, for its ciphertexts and its
   * output's zero-label (to {@code labels[o..o+1]}); returns its five control bits. The kept
   * colour-0 labels carry in their lowest bit (zero in a colour-0 label) the permute bits {@code
   * alpha} and {@code beta} of the inputs' zero-labels.
   */
  private int solve(int i, int slot, int o) {
    long keptA = kept(i, 0);
    long keptB = kept(i, 2);
    int alpha = (int) keptA & 1;
    int beta = (int) keptB & 1;
    long al = keptA ^ alpha;
    long ar = kept(i, 1);
    long bl = keptB ^ beta;
    long br = kept(i, 3);
    int q = i * 6;
    // Blocks q+1 .. q+5 follow blocks of this pair, staged in the order A0 A1 B0 B1 X0 X1, so the
    // predecessor and sigma terms of TccrHash's raw outputs cancel to these sums of known values.
    long t = 3 * (tweakBase + slot);
    long hA0 = hash.low(q, ar);
    long hA1 = hash.rawLow(q + 1) ^ t ^ d1;
    long hB0 = hash.rawLow(q + 2) ^ ar ^ d1 ^ t ^ br;
    long hB1 = hash.rawLow(q + 3) ^ (t + 1) ^ d1;
    long hX0 = hash.rawLow(q + 4) ^ ar ^ d1 ^ (t + 1);
    long hX1 = hash.rawLow(q + 5) ^ (t + 2) ^ d1;
    // the lowest bits of the hashes' high halves
    long dd = d0 ^ d1;
    int bA0 = (int) hash.high(q, al, ar) & 1;
    int bB0 = (int) (hash.rawHigh(q + 2) ^ al ^ ar ^ dd ^ bl ^ br) & 1;
    int bX0 = (int) (hash.rawHigh(q + 4) ^ dd ^ al ^ ar) & 1;
    int bA = bA0 ^ (int) (hash.rawHigh(q + 1) ^ dd) & 1;
    int bB = bB0 ^ (int) (hash.rawHigh(q + 3) ^ dd) & 1;
    int bX = bX0 ^ (int) (hash.rawHigh(q + 5) ^ dd) & 1;
    int notA = alpha ^ 1;
    int notB = beta ^ 1;
    int rho0 = (int) (rho[(2 * i) >>> 6] >>> ((2 * i) & 63)) & 1;
    int rho1 = (int) (rho[(2 * i + 1) >>> 6] >>> ((2 * i + 1) & 63)) & 1;
    // the evaluator's control bits in the rows of colours 00, 10 and 01 (row 11 follows)
    long r00a = -rho0;
    long r00b = -rho1;
    long r10a = -(rho0 ^ notB);
    long r10b = -(rho1 ^ notA ^ notB);
    long r01a = -(rho0 ^ notA ^ notB);
    long r01b = -(rho1 ^ notA);
    // the output's truth value in those rows: (colour + permute bit) of each input, ANDed
    long t00 = -(alpha & beta);
    long t10 = -(notA & beta);
    long t01 = -(alpha & notB);
    long zl00 = hA0 ^ hX0 ^ ThreeHalves.left(-1L, r00a, r00b, al, ar, bl, br) ^ (t00 & d0);
    long zr00 = hB0 ^ hX0 ^ ThreeHalves.right(-1L, r00a, r00b, al, ar, bl, br) ^ (t00 & d1);
    long zl10 = hA1 ^ hX1 ^ ThreeHalves.left(0, r10a, r10b, al ^ d0, ar ^ d1, bl, br) ^ (t10 & d0);
    long zr10 = hB0 ^ hX1 ^ ThreeHalves.right(-1L, r10a, r10b, al ^ d0, ar ^ d1, bl, br)
        ^ (t10 & d1);
    long zr01 = hB1 ^ hX1 ^ ThreeHalves.right(0, r01a, r01b, al, ar, bl ^ d0, br ^ d1)
        ^ (t01 & d1);
    long g2 = zr10 ^ zr00;
    int c = 3 * slot;
    tables[c] = zl10 ^ zl00 ^ g2;
    tables[c + 1] = zr01 ^ zr00 ^ g2;
    tables[c + 2] = g2;
    labels[o] = zl00;
    labels[o + 1] = zr00;
    return (rho0 ^ bA0 ^ bX0) | (rho1 ^ bB0 ^ bX0) << 1 | (notA ^ bA) << 2 | (notB ^ bB) << 3
        | (notA ^ notB ^ bX) << 4;
  }
}
