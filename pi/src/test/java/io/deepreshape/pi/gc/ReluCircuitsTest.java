package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ReLU-layer circuits, plain and garbled, against plain long arithmetic. */
class ReluCircuitsTest {
  private static final int L = 37;
  private static final int S = 12;

  @Test
  void andGateCountsMatchTheSpec() {
    assertThat(ReluCircuits.relu(37, 12).andGates()).isEqualTo(96);
    assertThat(ReluCircuits.identity(37, 12).andGates()).isEqualTo(72);
    assertThat(ReluCircuits.relu(32, 8).andGates()).isEqualTo(31 + 23 + 31);
    // reuse: element 0 as ReLU, the others pay l - s for the select, the adders are not shared
    assertThat(ReluCircuits.reuse(37, 12, 4).andGates()).isEqualTo(96 + 3 * (36 + 25 + 36));
    assertThat(ReluCircuits.maxPool(37, 12, 4, true).andGates())
        .isEqualTo(4 * 36 + 3 * 2 * 37 + 36);
  }

  @Test
  void reluMatchesPlainArithmeticOnRandomAndEdgeInputs() {
    long[][] in = inputs(100_000, 7);
    Circuit relu = ReluCircuits.relu(L, S);
    long[] plain = plainEval(relu, in);
    long[] garbled = garbledEval(relu, in, 10_000);
    for (int k = 0; k < in[0].length; k++) {
      long want = RingRef.relu(in[0][k], in[2][k], in[1][k], L, S);
      assertThat(plain[k]).as("plain, instance %d", k).isEqualTo(want);
      assertThat(garbled[k]).as("garbled, instance %d", k).isEqualTo(want);
    }
  }

  @Test
  void identityMatchesPlainArithmetic() {
    long[][] in = inputs(20_000, 11);
    Circuit id = ReluCircuits.identity(L, S);
    long[] plain = plainEval(id, in);
    long[] garbled = garbledEval(id, in, 20_000);
    for (int k = 0; k < in[0].length; k++) {
      long want = RingRef.identity(in[0][k], in[2][k], in[1][k], L, S);
      assertThat(plain[k]).isEqualTo(want);
      assertThat(garbled[k]).isEqualTo(want);
    }
  }

  @Test
  void otherRingSizesWork() {
    for (int[] ls : new int[][] {{16, 4}, {41, 13}, {63, 20}, {8, 0}}) {
      long[][] in = inputs(3_000, ls[0] * 31 + ls[1], ls[0], ls[1]);
      long[] got = garbledEval(ReluCircuits.relu(ls[0], ls[1]), in, 3_000);
      for (int k = 0; k < got.length; k++) {
        assertThat(got[k]).isEqualTo(RingRef.relu(in[0][k], in[2][k], in[1][k], ls[0], ls[1]));
      }
    }
  }

  /** Inputs (a, u, c) with edge values of y = a + c first, then random ones. */
  static long[][] inputs(int n, long seed) {
    return inputs(n, seed, L, S);
  }

  static long[][] inputs(int n, long seed, int l, int s) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long m = RingRef.mask(l);
    List<Long> ys = new ArrayList<>();
    long half = 1L << (l - 1);
    long t = 1L << s;
    for (long y : new long[] {0, -1, 1, half - 1, -half, -half + 1, half - 2, t, t - 1, t + 1,
        -t, -t - 1, -t + 1, 2 * t, 2 * t - 1, -2 * t, -2 * t + 1, half - t, -half + t}) {
      ys.add(y);
    }
    long[][] in = new long[3][n];
    for (int k = 0; k < n; k++) {
      in[0][k] = rnd.nextLong() & m;
      in[1][k] = rnd.nextLong() & m;
      long y = k < ys.size() ? ys.get(k) : rnd.nextLong();
      in[2][k] = (y - in[0][k]) & m;
      if (k >= ys.size() && k < 2 * ys.size()) {
        in[1][k] = k % 2 == 0 ? 0 : m;
      }
    }
    return in;
  }

  private static byte[] bits(Circuit c, long[][] in, int from, int n) {
    int l = c.garblerInputs() / 2;
    byte[] bits = new byte[c.inputs() * n];
    WireBits.encode(slice(in[0], from, n), 1, l, bits, 0, n);
    WireBits.encode(slice(in[1], from, n), 1, l, bits, l, n);
    WireBits.encode(slice(in[2], from, n), 1, l, bits, 2 * l, n);
    return bits;
  }

  static long[] slice(long[] a, int from, int n) {
    long[] r = new long[n];
    System.arraycopy(a, from, r, 0, n);
    return r;
  }

  private static long[] plainEval(Circuit c, long[][] in) {
    int n = in[0].length;
    byte[] out = PlainEvaluator.evaluate(c, bits(c, in, 0, n), n);
    return WireBits.decode(out, 0, 1, c.outputCount(), n);
  }

  private static long[] garbledEval(Circuit c, long[][] in, int batch) {
    int n = in[0].length;
    long[] result = new long[n];
    Garbler garbler = new Garbler(AesPrg.fromSecureRandom());
    GcEvaluator evaluator = new GcEvaluator();
    for (int from = 0; from < n; from += batch) {
      int b = Math.min(batch, n - from);
      byte[] bits = bits(c, in, from, b);
      GarbledBatch gb = garbler.garble(c, b, null);
      long[] labels = garbler.encode(gb, 0, c.inputs(), bits);
      long[] out = evaluator.evaluate(c, b, gb.tables(), labels, gb.tweakBase());
      byte[] outBits = GcEvaluator.decode(out, gb.decodeBits());
      System.arraycopy(WireBits.decode(outBits, 0, 1, c.outputCount(), b), 0, result, from, b);
    }
    return result;
  }
}
