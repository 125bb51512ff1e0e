package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/** Half-gates evaluation of AND gates: two hashes per gate (see {@link HalfGatesGarbling}). */
final class HalfGatesEvaluation implements AndEvaluation {
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 4];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 2];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 4];

  @Override
  public void evaluate(Circuit c, int batch, long[] labels, long[] tables, long tweakBase,
      int from, int to) {
    int pos = from;
    int k = 0;
    while (pos < to) {
      int n = 0;
      int startPos = pos;
      int startK = k;
      while (n < Garbler.CHUNK_PAIRS && pos < to) {
        int g = c.scheduled(pos);
        int a = (c.in0(g) * batch + k) * 2;
        int b = (c.in1(g) * batch + k) * 2;
        long id = tweakBase + (long) c.andOrdinal(g) * batch + k;
        int xi = n * 4;
        x[xi] = labels[a];
        x[xi + 1] = labels[a + 1];
        x[xi + 2] = labels[b];
        x[xi + 3] = labels[b + 1];
        tw[2 * n] = 2 * id;
        tw[2 * n + 1] = 2 * id + 1;
        n++;
        if (++k == batch) {
          k = 0;
          pos++;
        }
      }
      hash.hash(x, 0, tw, 0, h, 0, 2 * n);
      finish(c, batch, labels, tables, startPos, startK, n);
    }
  }

  private void finish(Circuit c, int batch, long[] labels, long[] tables, int pos, int k, int n) {
    for (int i = 0; i < n; i++) {
      int g = c.scheduled(pos);
      int xi = i * 4;
      long sa = -(x[xi] & 1);
      long sb = -(x[xi + 2] & 1);
      int t = (c.andOrdinal(g) * batch + k) * 4;
      long c0 = h[xi] ^ (sa & tables[t]) ^ h[xi + 2] ^ (sb & (tables[t + 2] ^ x[xi]));
      long c1 = h[xi + 1] ^ (sa & tables[t + 1]) ^ h[xi + 3] ^ (sb & (tables[t + 3] ^ x[xi + 1]));
      int o = ((c.inputs() + g) * batch + k) * 2;
      labels[o] = c0;
      labels[o + 1] = c1;
      if (++k == batch) {
        k = 0;
        pos++;
      }
    }
  }
}
