package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/** Half-gates evaluation of AND gates: two hashes per gate (see {@link HalfGatesGarbling}). */
final class HalfGatesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();

  HalfGatesEvaluation() {
    hash.reserve(2 * Garbler.CHUNK_PAIRS);
  }

  @Override
  void stage(int n, int run, int a, int b, int negations, long id) {
    keepRun(n, run, a, b);
    for (int p = n; p < n + run; p++) {
      long t = 2 * (id + p - n);
      hash.stage(2 * p, kept(p, 0), kept(p, 1), t);
      hash.stage(2 * p + 1, kept(p, 2), kept(p, 3), t + 1);
    }
  }

  @Override
  void hash(int n) {
    hash.permute(2 * n);
  }

  @Override
  void finish(int i, int run, int o, int gate) {
    for (int j = 0; j < run; j++) {
      finishPair(i + j, 4 * (gate + j), o + 2 * j);
    }
  }

  /** Pair {@code i} of the chunk: tables at {@code tables[t..t+3]}, output label to {@code o}. */
  private void finishPair(int i, int t, int o) {
    long al = kept(i, 0);
    long ar = kept(i, 1);
    long bl = kept(i, 2);
    long br = kept(i, 3);
    long sa = -(al & 1);
    long sb = -(bl & 1);
    labels[o] = hash.low(2 * i, ar) ^ (sa & tables[t]) ^ hash.low(2 * i + 1, br)
        ^ (sb & (tables[t + 2] ^ al));
    labels[o + 1] = hash.high(2 * i, al, ar) ^ (sa & tables[t + 1]) ^ hash.high(2 * i + 1, bl, br)
        ^ (sb & (tables[t + 3] ^ ar));
  }
}
