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

  @Override
  void finish(int i, int run, int o, int gate) {
    int controlBase = 3 * c.andGates() * batch;
    for (int j = 0; j < run; j++) {
      int z = ThreeHalves.control(tables, controlBase, gate + j);
      decrypt(i + j, 3 * (gate + j), z, o + 2 * j);
    }
  }

  /**
   * Gate {@code q} of the chunk: ciphertexts at {@code tables[t..t+2]}, control bits {@code z};
   * writes the output's active label to {@code labels[o..o+1]}.
   */
  private void decrypt(int q, int t, int z, int o) {
    long al = kept(q, 0);
    long ar = kept(q, 1);
    long bl = kept(q, 2);
    long br = kept(q, 3);
    int hq = 3 * q;
    long hx = hash.low(hq + 2, ar ^ br);
    long hxHigh = hash.high(hq + 2, al ^ bl, ar ^ br);
    int i = (int) al & 1;
    int j = (int) bl & 1;
    long r1 = -(long) ThreeHalves.firstControl(z, i, j, hash.high(hq, al, ar), hxHigh);
    long r2 = -(long) ThreeHalves.secondControl(z, i, j, hash.high(hq + 1, bl, br), hxHigh);
    long ma = -(long) i;
    long mb = -(long) j;
    long mx = -(long) (i ^ j);
    labels[o] = hash.low(hq, ar) ^ hx ^ (ma & tables[t]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.left(~ma, r1, r2, al, ar, bl, br);
    labels[o + 1] = hash.low(hq + 1, br) ^ hx ^ (mb & tables[t + 1]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.right(~mb, r1, r2, al, ar, bl, br);
  }
}
