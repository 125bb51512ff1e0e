package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/** Half-gates evaluation of AND gates: two hashes per gate (see {@link HalfGatesGarbling}). */
final class HalfGatesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 4];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 2];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 4];

  @Override
  void stage(int n, int g, int k, long id) {
    int a = in0(g, k);
    int b = in1(g, k);
    int xi = n * 4;
    x[xi] = labels[a];
    x[xi + 1] = labels[a + 1];
    x[xi + 2] = labels[b];
    x[xi + 3] = labels[b + 1];
    tw[2 * n] = 2 * id;
    tw[2 * n + 1] = 2 * id + 1;
  }

  @Override
  void hash(int n) {
    hash.hash(x, 0, tw, 0, h, 0, 2 * n);
  }

  @Override
  void finish(int i, int g, int k) {
    int xi = i * 4;
    long sa = -(x[xi] & 1);
    long sb = -(x[xi + 2] & 1);
    int t = gate(g, k) * 4;
    int o = out(g, k);
    labels[o] = h[xi] ^ (sa & tables[t]) ^ h[xi + 2] ^ (sb & (tables[t + 2] ^ x[xi]));
    labels[o + 1] = h[xi + 1] ^ (sa & tables[t + 1]) ^ h[xi + 3]
        ^ (sb & (tables[t + 3] ^ x[xi + 1]));
  }
}
