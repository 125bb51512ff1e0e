package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Half-gates garbling of AND gates (Zahur, Rosulek and Evans, "Two Halves Make a Whole", Eurocrypt
 * 2015, figure 2): four hashes per gate, tweaks {@code 2j} and {@code 2j+1} for gate identifier
 * {@code j}, tables {@code T_G, T_E}. Not thread-safe.
 */
final class HalfGatesGarbling implements AndGarbling {
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
  public void garble(Circuit c, int batch, long[] labels, long[] tables, long tweakBase, int from,
      int to) {
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
        n++;
        if (++k == batch) {
          k = 0;
          pos++;
        }
      }
      hash.hash(x, 0, tw, 0, h, 0, 4 * n);
      finish(c, batch, labels, tables, startPos, startK, n);
    }
  }

  private void finish(Circuit c, int batch, long[] labels, long[] tables, int pos, int k, int n) {
    for (int i = 0; i < n; i++) {
      int g = c.scheduled(pos);
      int xi = i * 8;
      long pa = -(x[xi] & 1);
      long pb = -(x[xi + 4] & 1);
      long tg0 = h[xi] ^ h[xi + 2] ^ (pb & d0);
      long tg1 = h[xi + 1] ^ h[xi + 3] ^ (pb & d1);
      long te0 = h[xi + 4] ^ h[xi + 6] ^ x[xi];
      long te1 = h[xi + 5] ^ h[xi + 7] ^ x[xi + 1];
      long c0 = h[xi] ^ (pa & tg0) ^ h[xi + 4] ^ (pb & (te0 ^ x[xi]));
      long c1 = h[xi + 1] ^ (pa & tg1) ^ h[xi + 5] ^ (pb & (te1 ^ x[xi + 1]));
      int t = (c.andOrdinal(g) * batch + k) * 4;
      tables[t] = tg0;
      tables[t + 1] = tg1;
      tables[t + 2] = te0;
      tables[t + 3] = te1;
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
