package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both garbling schemes, gate by gate and on random circuits, against plaintext evaluation. */
class GarblingSchemesTest {
  @ParameterizedTest
  @EnumSource(GarblingScheme.class)
  void everyGateTypeMatchesItsTruthTableForEveryPermuteBit(GarblingScheme scheme) {
    // AND, XOR, NOT, and AND with each input negated (a NOT the builder folds into the AND)
    for (int type = 0; type < 6; type++) {
      CircuitBuilder b = new CircuitBuilder();
      int x = b.garblerInput(1)[0];
      int y = b.evaluatorInput(1)[0];
      int out = switch (type) {
        case 0 -> b.and(x, y);
        case 1 -> b.xor(x, y);
        case 2 -> b.not(y);
        case 3 -> b.and(b.not(x), y);
        case 4 -> b.and(x, b.not(y));
        default -> b.and(b.not(x), b.not(y));
      };
      Circuit c = b.build(new int[] {out});
      // many instances with fresh labels: every input pair meets every pair of permute bits
      int n = 4_000;
      SplittableRandom rnd = new SplittableRandom(type);
      byte[] bits = randomBits(rnd, 2 * n);
      Garbler g = new Garbler(AesPrg.fromSecureRandom(), scheme);
      byte[] got = garbleAndEvaluate(g, c, n, bits);
      int[] seen = new int[16];
      for (int k = 0; k < n; k++) {
        int a = bits[k];
        int e = bits[n + k];
        int want = switch (type) {
          case 0 -> a & e;
          case 1 -> a ^ e;
          case 2 -> 1 - e;
          case 3 -> (1 - a) & e;
          case 4 -> a & (1 - e);
          default -> (1 - a) & (1 - e);
        };
        assertThat(got[k]).as("%s %s on (%d, %d), instance %d", scheme, type, a, e, k)
            .isEqualTo((byte) want);
      }
      GarbledBatch gb = g.garble(c, n, null);
      for (int k = 0; k < n; k++) {
        int pa = (int) gb.inputLabels0()[2 * k] & 1;
        int pb = (int) gb.inputLabels0()[2 * (n + k)] & 1;
        seen[pa * 8 + pb * 4 + bits[k] * 2 + bits[n + k]]++;
      }
      assertThat(seen).as("every (permute bits, inputs) combination occurs").doesNotContain(0);
    }
  }

  @ParameterizedTest
  @EnumSource(GarblingScheme.class)
  void randomCircuitsMatchThePlainEvaluator(GarblingScheme scheme) {
    SplittableRandom rnd = new SplittableRandom(17);
    for (int trial = 0; trial < 20; trial++) {
      Circuit c = randomCircuit(rnd, 3 + rnd.nextInt(6), 3 + rnd.nextInt(6), 50 + rnd.nextInt(200));
      // odd batch sizes put gates' control bits across word boundaries
      int n = 1 + rnd.nextInt(300);
      byte[] bits = randomBits(rnd, c.inputs() * n);
      Garbler g = new Garbler(AesPrg.fromSecureRandom(), scheme);
      assertThat(garbleAndEvaluate(g, c, n, bits)).as("trial %d, batch %d", trial, n)
          .isEqualTo(PlainEvaluator.evaluate(c, bits, n));
    }
  }

  @ParameterizedTest
  @EnumSource(GarblingScheme.class)
  void reluUnderEitherSchemeMatchesRingArithmetic(GarblingScheme scheme) {
    int l = 37;
    int s = 12;
    int n = 5_000;
    long[][] in = ReluCircuitsTest.inputs(n, 23);
    Circuit relu = ReluCircuits.relu(l, s);
    byte[] bits = new byte[relu.inputs() * n];
    WireBits.encode(in[0], 1, l, bits, 0, n);
    WireBits.encode(in[1], 1, l, bits, l, n);
    WireBits.encode(in[2], 1, l, bits, 2 * l, n);
    Garbler g = new Garbler(AesPrg.fromSecureRandom(), scheme);
    long[] got = WireBits.decode(garbleAndEvaluate(g, relu, n, bits), 0, 1, l, n);
    for (int k = 0; k < n; k++) {
      assertThat(got[k]).as("instance %d", k).isEqualTo(RingRef.relu(in[0][k], in[2][k], in[1][k], l, s));
    }
  }

  @Test
  void threeHalvesSendsOneAndAHalfLabelsAndFiveBitsPerAndGate() {
    // 1.5 * 128 + 5 = 197 bits per AND gate: three 64-bit halves per gate, then the five control
    // bits of all gates of a batch packed densely into whole longs
    Circuit relu = ReluCircuits.relu(37, 12);
    Garbler g = new Garbler(AesPrg.fromSecureRandom(), GarblingScheme.THREE_HALVES);
    for (int batch : new int[] {1, 2, 3, 64, 1000}) {
      long ands = 96L * batch;
      long bytes = 8L * g.garble(relu, batch, null).tables().length;
      long bits = ands * (3 * 64 + 5);
      assertThat(bytes).as("batch %d", batch).isEqualTo(8 * ((bits - 3 * 64 * ands + 63) / 64)
          + 24 * ands);
      assertThat(bytes * 8).isBetween(bits, bits + 63);
    }
    // 64 ReLUs of 96 AND gates: exactly 197 bits per gate
    assertThat(8L * g.garble(relu, 64, null).tables().length).isEqualTo(64 * 96 * 197 / 8);
    Garbler half = new Garbler(AesPrg.fromSecureRandom(), GarblingScheme.HALF_GATES);
    assertThat(8L * half.garble(relu, 64, null).tables().length).isEqualTo(64 * 96 * 32);
    assertThat(GarblingScheme.THREE_HALVES.tableBytes(96 * 64)).isEqualTo(64 * 96 * 197 / 8);
  }

  @ParameterizedTest
  @EnumSource(GarblingScheme.class)
  void inputsWrittenInPlaceGiveTheColoursOfTheOutputLabels(GarblingScheme scheme) {
    SplittableRandom rnd = new SplittableRandom(29);
    GcEvaluator ev = new GcEvaluator(scheme);
    for (int trial = 0; trial < 10; trial++) {
      Circuit c = randomCircuit(rnd, 2 + rnd.nextInt(5), 2 + rnd.nextInt(5), 40 + rnd.nextInt(150));
      int n = 1 + rnd.nextInt(200);
      byte[] bits = randomBits(rnd, c.inputs() * n);
      Garbler g = new Garbler(AesPrg.fromSecureRandom(), scheme);
      GarbledBatch gb = g.garble(c, n, null);
      long[] labels = g.encode(gb, 0, c.inputs(), bits);
      // the same evaluator for every trial: its label space holds the last trial's wires
      System.arraycopy(labels, 0, ev.inputSpace(c, n), 0, labels.length);
      byte[] colours = ev.outputColours(c, n, gb.tables(), gb.tweakBase());
      byte[] want = PlainEvaluator.evaluate(c, bits, n);
      for (int i = 0; i < want.length; i++) {
        assertThat(colours[i] ^ gb.decodeBits()[i]).as("trial %d, output %d", trial, i)
            .isEqualTo(want[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(GarblingScheme.class)
  void garblingIntoReusedBuffersHoldingEarlierBatchesStillEvaluatesCorrectly(GarblingScheme scheme) {
    SplittableRandom rnd = new SplittableRandom(31);
    Garbler g = new Garbler(AesPrg.fromSecureRandom(), scheme);
    GcEvaluator ev = new GcEvaluator(scheme);
    // one set of buffers, oversized and full of the last batch's (or random) longs, batch after batch
    long[] tables = rnd.longs(1 << 18).toArray();
    long[] garblerLabels = rnd.longs(1 << 14).toArray();
    long[] evaluatorLabels = rnd.longs(1 << 14).toArray();
    for (int trial = 0; trial < 12; trial++) {
      Circuit c = randomCircuit(rnd, 2 + rnd.nextInt(5), 2 + rnd.nextInt(5), 40 + rnd.nextInt(150));
      int n = 1 + rnd.nextInt(300);
      long ands = (long) c.andGates() * n;
      int gLongs = 2 * c.garblerInputs() * n;
      int eLongs = 2 * c.evaluatorInputs() * n;
      for (int i = 0; i < gLongs; i++) {
        garblerLabels[i] = rnd.nextLong();
      }
      for (int i = 0; i < eLongs; i++) {
        evaluatorLabels[i] = rnd.nextLong();
      }
      long base = g.reserveTweaks(ands);
      byte[] decode = g.garbleInto(base, c, n, garblerLabels, evaluatorLabels, tables);
      byte[] bits = randomBits(rnd, c.inputs() * n);
      long[] in = ev.inputSpace(c, n);
      for (int i = 0; i < c.inputs() * n; i++) {
        long[] zero = i < c.garblerInputs() * n ? garblerLabels : evaluatorLabels;
        int j = i < c.garblerInputs() * n ? i : i - c.garblerInputs() * n;
        long m = -(long) bits[i];
        in[2 * i] = zero[2 * j] ^ (m & g.delta0());
        in[2 * i + 1] = zero[2 * j + 1] ^ (m & g.delta1());
      }
      byte[] colours = ev.outputColours(c, n, Arrays.copyOf(tables, scheme.tableLongs(ands)), base);
      byte[] want = PlainEvaluator.evaluate(c, bits, n);
      for (int i = 0; i < want.length; i++) {
        assertThat(colours[i] ^ decode[i]).as("trial %d, output %d", trial, i).isEqualTo(want[i]);
      }
    }
  }

  @Test
  void gateIdentifiersContinueAcrossBatchesSoNoTweakRepeats() {
    Circuit relu = ReluCircuits.relu(16, 4);
    Garbler g = new Garbler(AesPrg.fromSecureRandom(), GarblingScheme.THREE_HALVES);
    assertThat(g.garble(relu, 5, null).tweakBase()).isZero();
    assertThat(g.garble(relu, 7, null).tweakBase()).isEqualTo(5L * relu.andGates());
    assertThat(g.garble(relu, 1, null).tweakBase()).isEqualTo(12L * relu.andGates());
  }

  static byte[] garbleAndEvaluate(Garbler g, Circuit c, int n, byte[] bits) {
    GarbledBatch gb = g.garble(c, n, null);
    long[] labels = g.encode(gb, 0, c.inputs(), bits);
    long[] out = new GcEvaluator(g.scheme()).evaluate(c, n, gb.tables(), labels, gb.tweakBase());
    return GcEvaluator.decode(out, gb.decodeBits());
  }

  static byte[] randomBits(SplittableRandom rnd, int n) {
    byte[] bits = new byte[n];
    for (int i = 0; i < n; i++) {
      bits[i] = (byte) rnd.nextInt(2);
    }
    return bits;
  }

  /** A random circuit of XOR, AND and NOT gates over earlier wires, some of them outputs. */
  static Circuit randomCircuit(SplittableRandom rnd, int garbler, int evaluator, int gates) {
    CircuitBuilder b = new CircuitBuilder();
    int[] wires = new int[garbler + evaluator + gates];
    int n = 0;
    for (int w : b.garblerInput(garbler)) {
      wires[n++] = w;
    }
    for (int w : b.evaluatorInput(evaluator)) {
      wires[n++] = w;
    }
    for (int i = 0; i < gates; i++) {
      // prefer recent wires, so AND depth grows
      int x = wires[Math.max(0, n - 1 - rnd.nextInt(Math.min(n, 12)))];
      int y = wires[rnd.nextInt(n)];
      int kind = rnd.nextInt(5);
      wires[n++] = kind < 3 ? b.and(x, y) : kind == 3 ? b.xor(x, y) : b.not(x);
    }
    int[] outs = new int[8];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = wires[n - 1 - rnd.nextInt(Math.min(n, 30))];
    }
    return b.build(outs);
  }
}
