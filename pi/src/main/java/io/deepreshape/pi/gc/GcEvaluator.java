package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * The half-gates evaluator (Zahur, Rosulek and Evans, Eurocrypt 2015): two hashes per AND gate,
 * XOR and NOT free, batched level by level over all instances like {@link Garbler}. Not
 * thread-safe.
 */
public final class GcEvaluator {
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 4];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 2];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 4];

  /**
   * Evaluates {@code batch} instances from the active labels of all input wires ({@code
   * inputLabels[(w*batch + k)*2]}, garbler's then evaluator's); returns the output labels, layout
   * {@code (o*batch + k)*2}.
   */
  public long[] evaluate(Circuit c, int batch, long[] tables, long[] inputLabels,
      long tweakBase) {
    if (inputLabels.length != c.inputs() * batch * 2) {
      throw new IllegalArgumentException("expected " + c.inputs() * batch * 2
          + " longs of input labels, got " + inputLabels.length);
    }
    if (tables.length != c.andGates() * batch * 4) {
      throw new IllegalArgumentException("expected " + c.andGates() * batch * 4
          + " longs of tables, got " + tables.length);
    }
    long[] labels = new long[Math.multiplyExact(c.wires() * 2, batch)];
    System.arraycopy(inputLabels, 0, labels, 0, inputLabels.length);
    for (int d = 0; d < c.levels(); d++) {
      evalAnds(c, batch, labels, tables, tweakBase, c.levelStart(d), c.levelAndEnd(d));
      freeGates(c, batch, labels, c.levelAndEnd(d), c.levelEnd(d));
    }
    long[] out = new long[c.outputCount() * batch * 2];
    for (int o = 0; o < c.outputCount(); o++) {
      System.arraycopy(labels, c.output(o) * batch * 2, out, o * batch * 2, batch * 2);
    }
    return out;
  }

  /** Output bits from output labels and the garbler's decoding bits. */
  public static byte[] decode(long[] outputLabels, byte[] decodeBits) {
    byte[] bits = new byte[decodeBits.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) ((outputLabels[2 * i] & 1) ^ decodeBits[i]);
    }
    return bits;
  }

  private void evalAnds(Circuit c, int batch, long[] labels, long[] tables, long tweakBase,
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
      finishAnds(c, batch, labels, tables, startPos, startK, n);
    }
  }

  private void finishAnds(Circuit c, int batch, long[] labels, long[] tables, int pos, int k,
      int n) {
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

  private static void freeGates(Circuit c, int batch, long[] labels, int from, int to) {
    for (int pos = from; pos < to; pos++) {
      int g = c.scheduled(pos);
      int o = (c.inputs() + g) * batch * 2;
      int a = c.in0(g) * batch * 2;
      if (c.type(g) == Circuit.XOR) {
        int b = c.in1(g) * batch * 2;
        for (int i = 0; i < 2 * batch; i++) {
          labels[o + i] = labels[a + i] ^ labels[b + i];
        }
      } else {
        System.arraycopy(labels, a, labels, o, 2 * batch);
      }
    }
  }
}
