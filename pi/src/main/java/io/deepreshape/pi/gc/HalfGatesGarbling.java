package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Half-gates garbling of AND gates (Zahur, Rosulek and Evans, "Two Halves Make a Whole", Eurocrypt
 * 2015, figure 2): four hashes per gate, tweaks {@code 2j} and {@code 2j+1} for gate identifier
 * {@code j}, tables {@code T_G, T_E}. Not thread-safe.
 */
final class HalfGatesGarbling extends AndWalk {
  private final long d0;
  private final long d1;
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 8];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 4];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 8];

  HalfGatesGarbling(long d0, long d1) {
    this.d0 = d0;
    this.d1 = d1;
  }

  @Override
  void stage(int n, int g, int k, long id) {
    int a = in0(g, k);
    int b = in1(g, k);
    int xi = n * 8;
    x[xi] = labels[a];
    x[xi + 1] = labels[a + 1];
    x[xi + 2] = labels[a] ^ d0;
    x[xi + 3] = labels[a + 1] ^ d1;
    x[xi + 4] = labels[b];
    x[xi + 5] = labels[b + 1];
    x[xi + 6] = labels[b] ^ d0;
    x[xi + 7] = labels[b + 1] ^ d1;
    int ti = n * 4;
    tw[ti] = 2 * id;
    tw[ti + 1] = 2 * id;
    tw[ti + 2] = 2 * id + 1;
    tw[ti + 3] = 2 * id + 1;
  }

  @Override
  void hash(int n) {
    hash.hash(x, 0, tw, 0, h, 0, 4 * n);
  }

  @Override
  void finish(int i, int g, int k) {
    int xi = i * 8;
    long pa = -(x[xi] & 1);
    long pb = -(x[xi + 4] & 1);
    long tg0 = h[xi] ^ h[xi + 2] ^ (pb & d0);
    long tg1 = h[xi + 1] ^ h[xi + 3] ^ (pb & d1);
    long te0 = h[xi + 4] ^ h[xi + 6] ^ x[xi];
    long te1 = h[xi + 5] ^ h[xi + 7] ^ x[xi + 1];
    int t = gate(g, k) * 4;
    tables[t] = tg0;
    tables[t + 1] = tg1;
    tables[t + 2] = te0;
    tables[t + 3] = te1;
    int o = out(g, k);
    labels[o] = h[xi] ^ (pa & tg0) ^ h[xi + 4] ^ (pb & (te0 ^ x[xi]));
    labels[o + 1] = h[xi + 1] ^ (pa & tg1) ^ h[xi + 5] ^ (pb & (te1 ^ x[xi + 1]));
  }
}
