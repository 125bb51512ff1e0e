package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Three-halves evaluation of AND gates ({@link ThreeHalves}): three hashes per gate, of the two
 * active labels and of their sum. Not thread-safe.
 */
final class ThreeHalvesEvaluation implements AndEvaluation {
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 6];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 3];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 6];

  @Override
  public void evaluate(Circuit c, int batch, long[] labels, long[] tables, long tweakBase,
      int from, int to) {
    int control = 3 * c.andGates() * batch;
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
        int xi = n * 6;
        x[xi] = labels[a];
        x[xi + 1] = labels[a + 1];
        x[xi + 2] = labels[b];
        x[xi + 3] = labels[b + 1];
        x[xi + 4] = labels[a] ^ labels[b];
        x[xi + 5] = labels[a + 1] ^ labels[b + 1];
        int ti = n * 3;
        tw[ti] = 3 * id;
        tw[ti + 1] = 3 * id + 1;
        tw[ti + 2] = 3 * id + 2;
        n++;
        if (++k == batch) {
          k = 0;
          pos++;
        }
      }
      hash.hash(x, 0, tw, 0, h, 0, 3 * n);
      finish(c, batch, labels, tables, control, startPos, startK, n);
    }
  }

  private void finish(Circuit c, int batch, long[] labels, long[] tables, int control, int pos,
      int k, int n) {
    for (int q = 0; q < n; q++) {
      int g = c.scheduled(pos);
      int gate = c.andOrdinal(g) * batch + k;
      int o = ((c.inputs() + g) * batch + k) * 2;
      gate(q, tables, gate * 3, ThreeHalves.control(tables, control, gate), labels, o);
      if (++k == batch) {
        k = 0;
        pos++;
      }
    }
  }

  /**
   * Gate {@code q} of the chunk: ciphertexts at {@code tables[t..t+2]}, control bits {@code z};
   * writes the output's active label to {@code labels[o..o+1]}.
   */
  private void gate(int q, long[] tables, int t, int z, long[] labels, int o) {
    int xi = 6 * q;
    long al = x[xi];
    long ar = x[xi + 1];
    long bl = x[xi + 2];
    long br = x[xi + 3];
    int i = (int) al & 1;
    int j = (int) bl & 1;
    long r1 = -(long) ThreeHalves.firstControl(z, i, j, h[xi + 1], h[xi + 5]);
    long r2 = -(long) ThreeHalves.secondControl(z, i, j, h[xi + 3], h[xi + 5]);
    long ma = -(long) i;
    long mb = -(long) j;
    long mx = -(long) (i ^ j);
    long hx = h[xi + 4];
    labels[o] = h[xi] ^ hx ^ (ma & tables[t]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.left(~ma, r1, r2, al, ar, bl, br);
    labels[o + 1] = h[xi + 2] ^ hx ^ (mb & tables[t + 1]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.right(~mb, r1, r2, al, ar, bl, br);
  }
}
