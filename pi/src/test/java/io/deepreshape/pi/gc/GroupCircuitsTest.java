package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Circuits over groups of elements (ReLU reuse, max-pool), garbled, against plain arithmetic. */
class GroupCircuitsTest {
  private static final int L = 37;
  private static final int S = 12;

  @Test
  void reuseAppliesTheFirstElementsSignToTheGroup() {
    int r = 3;
    int n = 2_000;
    Circuit c = ReluCircuits.reuse(L, S, r);
    SplittableRandom rnd = new SplittableRandom(5);
    long[][] words = randomWords(rnd, n, r, 3);
    long[] v = run(c, n, words[0], words[1], words[2], r, r, r);
    for (int k = 0; k < n; k++) {
      long y0 = RingRef.signed(words[0][k * r] + words[2][k * r], L);
      for (int j = 0; j < r; j++) {
        long a = words[0][k * r + j];
        long u = words[1][k * r + j];
        long cc = words[2][k * r + j];
        long yj = RingRef.signed(a + cc, L);
        long want = ((y0 < 0 ? 0 : yj >> S) - u) & RingRef.mask(L);
        assertThat(v[k * r + j]).as("instance %d element %d", k, j).isEqualTo(want);
      }
    }
  }

  @Test
  void maxPoolReturnsTheMaskedMaximum() {
    int w = 4;
    int n = 2_000;
    for (boolean truncate : new boolean[] {true, false}) {
      Circuit c = ReluCircuits.maxPool(L, S, w, truncate);
      SplittableRandom rnd = new SplittableRandom(truncate ? 1 : 2);
      long[][] words = randomWords(rnd, n, w, 3);
      long[] u = new long[n];
      for (int k = 0; k < n; k++) {
        u[k] = rnd.nextLong() & RingRef.mask(L);
        if (k % 3 == 0) {
          // equal and near-equal values exercise the comparison's edges
          words[2][k * w + 1] = (words[0][k * w] + words[2][k * w] - words[0][k * w + 1]
              + (k % 2)) & RingRef.mask(L);
        }
      }
      long[] v = run(c, n, words[0], u, words[2], w, 1, w);
      for (int k = 0; k < n; k++) {
        long max = Long.MIN_VALUE;
        for (int j = 0; j < w; j++) {
          max = Math.max(max, RingRef.signed(words[0][k * w + j] + words[2][k * w + j], L));
        }
        long t = truncate ? max >> S : max;
        assertThat(v[k]).isEqualTo((t - u[k]) & RingRef.mask(L));
      }
    }
  }

  private static long[][] randomWords(SplittableRandom rnd, int n, int per, int arrays) {
    long[][] w = new long[arrays][n * per];
    for (long[] a : w) {
      for (int i = 0; i < a.length; i++) {
        a[i] = rnd.nextLong() & RingRef.mask(L);
      }
    }
    return w;
  }

  private static long[] run(Circuit c, int n, long[] a, long[] u, long[] cc, int aw, int uw,
      int cw) {
    byte[] bits = new byte[c.inputs() * n];
    WireBits.encode(a, aw, L, bits, 0, n);
    WireBits.encode(u, uw, L, bits, aw * L, n);
    WireBits.encode(cc, cw, L, bits, (aw + uw) * L, n);
    int words = c.outputCount() / L;
    long[] plain = WireBits.decode(PlainEvaluator.evaluate(c, bits, n), 0, words, L, n);
    Garbler g = new Garbler(AesPrg.fromSecureRandom());
    g.garble(c, 3, null);
    GarbledBatch gb = g.garble(c, n, null);
    assertThat(gb.tweakBase()).isEqualTo(3L * c.andGates());
    long[] out = new GcEvaluator().evaluate(c, n, gb.tables(), g.encode(gb, 0, c.inputs(), bits),
        gb.tweakBase());
    long[] garbled = WireBits.decode(GcEvaluator.decode(out, gb.decodeBits()), 0, words, L, n);
    assertThat(garbled).isEqualTo(plain);
    return garbled;
  }
}
