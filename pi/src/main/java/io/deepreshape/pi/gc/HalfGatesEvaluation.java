package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/** Half-gates evaluation of AND gates: two hashes per gate (see {@link HalfGatesGarbling}). */
final class HalfGatesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();
  /** Per staged pair: its inputs' active labels, {@code A_L, A_R, B_L, B_R}. */
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 4];

  HalfGatesEvaluation() {
    hash.reserve(2 * Garbler.CHUNK_PAIRS);
  }

  @Override
  void stage(int n, int g, int k, long id) {
    int a = in0(g, k);
    int b = in1(g, k);
    int xi = n * 4;
    x[xi] = labels[a];
    x[xi + 1] = labels[a + 1];
    x[xi + 2] = labels[b];
    x[xi + 3] = labels[b + 1];
    hash.stage(2 * n, labels[a], labels[a + 1], 2 * id);
    hash.stage(2 * n + 1, labels[b], labels[b + 1], 2 * id + 1);
  }

  @Override
  void hash(int n) {
    hash.permute(2 * n);
  }

  @Override
  void finish(int i, int g, int k) {
    int xi = i * 4;
    long al = x[xi];
    long ar = x[xi + 1];
    long bl = x[xi + 2];
    long br = x[xi + 3];
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
