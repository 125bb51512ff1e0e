package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.TccrHash;

/**
 * The half-gates garbler (Zahur, Rosulek and Evans, "Two Halves Make a Whole", Eurocrypt 2015,
 * figure 2) with free-XOR (Kolesnikov and Schneider 2008) and point-and-permute: a wire's one-label
 * is its zero-label XOR a global {@code Delta} whose least significant bit is 1, so the label's
 * lowest bit is its permute bit. Hashes are {@link TccrHash} (Guo-Katz-Wang-Yu 2020) with tweaks
 * {@code 2j} and {@code 2j+1} for gate identifier {@code j}.
 *
 * <p>Garbling is level by level over a whole batch of circuit instances: all AND gates of one AND
 * depth, in all instances, are hashed in chunks of thousands of blocks per AES call. Not
 * thread-safe.
 */
public final class Garbler {
  static final int CHUNK_PAIRS = 4096;

  private final AesPrg prg;
  private final long d0;
  private final long d1;
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[CHUNK_PAIRS * 8];
  private final long[] tw = new long[CHUNK_PAIRS * 4];
  private final long[] h = new long[CHUNK_PAIRS * 8];
  private long nextTweak;

  /** A garbler drawing a random {@code Delta} (lowest bit forced to 1) and labels from {@code prg}. */
  public Garbler(AesPrg prg) {
    this(prg, prg.nextLong() | 1L, prg.nextLong());
  }

  /** A garbler with a given {@code Delta = (delta0, delta1)}; {@code delta0} must be odd. */
  public Garbler(AesPrg prg, long delta0, long delta1) {
    if ((delta0 & 1) == 0) {
      throw new IllegalArgumentException("Delta's lowest bit must be 1 for point-and-permute");
    }
    this.prg = prg;
    this.d0 = delta0;
    this.d1 = delta1;
  }

  /** Low half of the free-XOR offset {@code Delta}. */
  public long delta0() {
    return d0;
  }

  /** High half of the free-XOR offset {@code Delta}. */
  public long delta1() {
    return d1;
  }

  /**
   * Garbles {@code batch} instances of {@code c}. Garbler-input zero-labels are drawn at random;
   * evaluator-input zero-labels are taken from {@code evaluatorLabels0} (layout {@code (i*batch +
   * k)*2} for evaluator input {@code i}, e.g. from correlated OT) or drawn when it is null. Gate
   * identifiers (hash tweaks) continue from the previous batch, so none is ever reused under this
   * garbler's {@code Delta}; the batch records where they start.
   */
  public GarbledBatch garble(Circuit c, int batch, long[] evaluatorLabels0) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    long tweakBase = nextTweak;
    nextTweak = Math.addExact(nextTweak, (long) c.andGates() * batch);
    long[] labels = new long[Math.multiplyExact(c.wires() * 2, batch)];
    int garblerLongs = c.garblerInputs() * batch * 2;
    int evalLongs = c.evaluatorInputs() * batch * 2;
    prg.nextLongs(labels, 0, garblerLongs);
    if (evaluatorLabels0 == null) {
      prg.nextLongs(labels, garblerLongs, evalLongs);
    } else {
      if (evaluatorLabels0.length != evalLongs) {
        throw new IllegalArgumentException("expected " + evalLongs
            + " longs of evaluator labels, got " + evaluatorLabels0.length);
      }
      System.arraycopy(evaluatorLabels0, 0, labels, garblerLongs, evalLongs);
    }
    long[] tables = new long[Math.multiplyExact(c.andGates() * 4, batch)];
    for (int d = 0; d < c.levels(); d++) {
      garbleAnds(c, batch, labels, tables, tweakBase, c.levelStart(d), c.levelAndEnd(d));
      freeGates(c, batch, labels, c.levelAndEnd(d), c.levelEnd(d));
    }
    long[] inputs0 = new long[garblerLongs + evalLongs];
    System.arraycopy(labels, 0, inputs0, 0, inputs0.length);
    byte[] decode = new byte[c.outputCount() * batch];
    for (int o = 0; o < c.outputCount(); o++) {
      int base = c.output(o) * batch;
      for (int k = 0; k < batch; k++) {
        decode[o * batch + k] = (byte) (labels[(base + k) * 2] & 1);
      }
    }
    return new GarbledBatch(c, batch, tweakBase, tables, inputs0, decode);
  }

  private void garbleAnds(Circuit c, int batch, long[] labels, long[] tables, long tweakBase,
      int from, int to) {
    int pos = from;
    int k = 0;
    while (pos < to) {
      int n = 0;
      int startPos = pos;
      int startK = k;
      while (n < CHUNK_PAIRS && pos < to) {
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
      finishAnds(c, batch, labels, tables, startPos, startK, n);
    }
  }

  private void finishAnds(Circuit c, int batch, long[] labels, long[] tables, int pos, int k,
      int n) {
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

  private void freeGates(Circuit c, int batch, long[] labels, int from, int to) {
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
        for (int i = 0; i < 2 * batch; i += 2) {
          labels[o + i] = labels[a + i] ^ d0;
          labels[o + i + 1] = labels[a + i + 1] ^ d1;
        }
      }
    }
  }

  /**
   * The active labels for input wires {@code first .. first+count-1} given their bits ({@code
   * bits[i*batch + k]} for wire {@code first + i}); layout {@code (i*batch + k)*2}.
   */
  public long[] encode(GarbledBatch g, int first, int count, byte[] bits) {
    int batch = g.batch();
    if (bits.length != count * batch) {
      throw new IllegalArgumentException("expected " + count * batch + " bits, got "
          + bits.length);
    }
    long[] out = new long[count * batch * 2];
    long[] zero = g.inputLabels0();
    int base = first * batch * 2;
    for (int i = 0; i < count * batch; i++) {
      long m = -(bits[i] & 1);
      out[2 * i] = zero[base + 2 * i] ^ (m & d0);
      out[2 * i + 1] = zero[base + 2 * i + 1] ^ (m & d1);
    }
    return out;
  }
}
