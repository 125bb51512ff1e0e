package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/** Half-gates evaluation of AND gates: two hashes per gate (see {@link HalfGatesGarbling}). */
final class HalfGatesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();

  HalfGatesEvaluation() {
    hash.reserve(2 * Garbler.CHUNK_PAIRS);
  }

  @Override
  void stage(int n, int g, int k, long id) {
    int a = in0(g, k);
    int b = in1(g, k);
    keep(n, labels[a], labels[a + 1], labels[b], labels[b + 1]);
    hash.stage(2 * n, labels[a], labels[a + 1], 2 * id);
    hash.stage(2 * n + 1, labels[b], labels[b + 1], 2 * id + 1);
  }

  @Override
  void hash(int n) {
    hash.permute(2 * n);
  }

  @Override
  void finish(int i, int g, int k) {
    long al = kept(i, 0);
    long ar = kept(i, 1);
    long bl = kept(i, 2);
    long br = kept(i, 3);
    long sa = -(al & 1);
    long sb = -(bl & 1);
    int t = gate(g, k) * 4;
    int o = out(g, k);
    labels[o] = hash.low(2 * i, ar) ^ (sa & tables[t]) ^ hash.low(2 * i + 1, br)
        ^ (sb & (tables[t + 2] ^ al));
    labels[o + 1] = hash.high(2 * i, al, ar) ^ (sa & tables[t + 1]) ^ hash.high(2 * i + 1, bl, br)
        ^ (sb & (tables[t + 3] ^ ar));
  }
}
