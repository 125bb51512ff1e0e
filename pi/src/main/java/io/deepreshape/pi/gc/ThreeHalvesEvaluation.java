package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Three-halves evaluation of AND gates ({@link ThreeHalves}): three hashes per gate, of the two
 * active labels and of their sum. Not thread-safe.
 */
final class ThreeHalvesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();

  ThreeHalvesEvaluation() {
    hash.reserve(3 * Garbler.CHUNK_PAIRS);
  }

  @Override
  void stage(int n, int run, int a, int b, int negations, long id) {
    keepRun(n, run, a, b);
    for (int p = n; p < n + run; p++) {
      long t = 3 * (id + p - n);
      int q = p * 3;
      hash.stage(q, kept(p, 0), kept(p, 1), t);
      hash.stage(q + 1, kept(p, 2), kept(p, 3), t + 1);
      hash.stage(q + 2, kept(p, 0) ^ kept(p, 2), kept(p, 1) ^ kept(p, 3), t + 2);
    }
  }

  @Override
  void hash(int n) {
    hash.permute(3 * n);
  }

  /**
   * Finishes pairs {@code i .. i+run-1}: from the ciphertexts at {@code tables[3g..3g+2]} of slot
   * {@code g} and the control bits {@code z}, writes each output's active label. One loop without
   * calls, so that the JIT inlines it all.
   */
  @Override
  void finish(int i, int run, int o, int gate) {
    int controlBase = 3 * c.andGates() * batch;
    for (int j = 0; j < run; j++) {
      int n = i + j;
      int g = gate + j;
      int z = ThreeHalves.control(tables, controlBase, g);
      long al = kept(n, 0);
      long ar = kept(n, 1);
      long bl = kept(n, 2);
      long br = kept(n, 3);
      // Blocks A, B, X of a pair are staged in that order, so the predecessor terms of TccrHash's
      // raw outputs for B and X are A's and B's staged inputs, which cancel to sums of known values.
      int q = 3 * n;
      long t = 3 * (tweakBase + g);
      long hA = hash.low(q, ar);
      long hB = hash.rawLow(q + 1) ^ ar ^ t ^ br;
      long hX = hash.rawLow(q + 2) ^ ar ^ (t + 1);
      long hXHigh = hash.rawHigh(q + 2) ^ al ^ ar;
      int ci = (int) al & 1;
      int cj = (int) bl & 1;
      long r1 = -(long) ThreeHalves.firstControl(z, ci, cj, hash.high(q, al, ar), hXHigh);
      long r2 = -(long) ThreeHalves.secondControl(z, ci, cj,
          hash.rawHigh(q + 1) ^ al ^ ar ^ bl ^ br, hXHigh);
      long ma = -(long) ci;
      long mb = -(long) cj;
      long mx = -(long) (ci ^ cj);
      int k = 3 * g;
      long g2 = mx & tables[k + 2];
      labels[o + 2 * j] = hA ^ hX ^ (ma & tables[k]) ^ g2
          ^ ThreeHalves.left(~ma, r1, r2, al, ar, bl, br);
      labels[o + 2 * j + 1] = hB ^ hX ^ (mb & tables[k + 1]) ^ g2
          ^ ThreeHalves.right(~mb, r1, r2, al, ar, bl, br);
    }
  }
}
