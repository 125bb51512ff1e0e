package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {
  @Test
  void constantsAreFoldedAndRepeatedGatesShared() {
    CircuitBuilder b = new CircuitBuilder();
    int[] g = b.garblerInput(2);
    int[] e = b.evaluatorInput(1);
    assertThat(b.and(g[0], CircuitBuilder.ZERO)).isEqualTo(CircuitBuilder.ZERO);
    assertThat(b.and(g[0], CircuitBuilder.ONE)).isEqualTo(g[0]);
    assertThat(b.xor(g[1], g[1])).isEqualTo(CircuitBuilder.ZERO);
    int x = b.and(g[0], e[0]);
    assertThat(b.and(e[0], g[0])).isEqualTo(x);
    assertThat(b.andGates()).isEqualTo(1);
  }

  @Test
  void constantOutputsBecomeWiresThatGarbleCorrectly() {
    CircuitBuilder b = new CircuitBuilder();
    int[] g = b.garblerInput(1);
    int[] e = b.evaluatorInput(1);
    Circuit c = b.build(new int[] {CircuitBuilder.ONE, b.and(g[0], e[0]), CircuitBuilder.ZERO,
        b.xor(g[0], e[0])});
    int batch = 4;
    byte[] in = {0, 1, 0, 1, 0, 0, 1, 1};
    byte[] plain = PlainEvaluator.evaluate(c, in, batch);
    assertThat(plain).containsExactly(1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0);
    Garbler garbler = new Garbler(AesPrg.fromSecureRandom());
    GarbledBatch gb = garbler.garble(c, batch, null);
    long[] out = new GcEvaluator().evaluate(c, batch, gb.tables(),
        garbler.encode(gb, 0, 2, in), gb.tweakBase());
    assertThat(GcEvaluator.decode(out, gb.decodeBits())).isEqualTo(plain);
  }

  @Test
  void notsFoldIntoNegationsWithoutChangingTheFunction() {
    SplittableRandom rnd = new SplittableRandom(41);
    for (int trial = 0; trial < 50; trial++) {
      int inputs = 2 + rnd.nextInt(4);
      int batch = 1 << inputs;
      CircuitBuilder b = new CircuitBuilder();
      int[] handle = new int[inputs + 60];
      // the value of every handle on every input assignment, computed beside the builder
      boolean[][] value = new boolean[handle.length][batch];
      int n = 0;
      for (int w : b.garblerInput(1)) {
        handle[n++] = w;
      }
      for (int w : b.evaluatorInput(inputs - 1)) {
        handle[n++] = w;
      }
      for (int i = 0; i < inputs; i++) {
        for (int k = 0; k < batch; k++) {
          value[i][k] = (k >>> i & 1) == 1;
        }
      }
      while (n < handle.length) {
        int x = rnd.nextInt(n);
        // sometimes both inputs from one wire, to reach x AND NOT x and x XOR NOT x
        int y = rnd.nextInt(4) == 0 ? x : rnd.nextInt(n);
        int kind = rnd.nextInt(4);
        handle[n] = kind == 0 ? b.and(handle[x], handle[y]) : kind == 1
            ? b.xor(handle[x], handle[y]) : b.not(handle[x]);
        for (int k = 0; k < batch; k++) {
          value[n][k] = kind == 0 ? value[x][k] & value[y][k] : kind == 1
              ? value[x][k] ^ value[y][k] : !value[x][k];
        }
        n++;
      }
      int[] outs = new int[12];
      int[] picked = new int[outs.length];
      for (int i = 0; i < outs.length; i++) {
        picked[i] = inputs + rnd.nextInt(n - inputs);
        outs[i] = handle[picked[i]];
      }
      Circuit c = b.build(outs);
      for (int g = 0; g < c.gates(); g++) {
        assertThat(c.type(g)).isIn(Circuit.XOR, Circuit.AND);
      }
      byte[] bits = new byte[inputs * batch];
      for (int i = 0; i < inputs; i++) {
        for (int k = 0; k < batch; k++) {
          bits[i * batch + k] = (byte) (value[i][k] ? 1 : 0);
        }
      }
      byte[] got = PlainEvaluator.evaluate(c, bits, batch);
      for (int i = 0; i < outs.length; i++) {
        for (int k = 0; k < batch; k++) {
          assertThat(got[i * batch + k]).as("trial %d, output %d, assignment %d", trial, i, k)
              .isEqualTo((byte) (value[picked[i]][k] ? 1 : 0));
        }
      }
    }
  }

  @Test
  void aNegatedInputOfAnAndGateIsReadNegatedByEveryEvaluator() {
    // x AND NOT y, built by hand: gate 0 reads in1 negated, and output 1 is NOT x
    Circuit c = new Circuit(1, 1, new byte[] {Circuit.AND}, new int[] {0}, new int[] {1},
        new byte[] {2}, new int[] {2, 0}, new byte[] {0, 1});
    byte[] in = {0, 1, 0, 1, 0, 0, 1, 1};
    byte[] want = {0, 1, 0, 0, 1, 0, 1, 0};
    assertThat(PlainEvaluator.evaluate(c, in, 4)).containsExactly(want);
    for (GarblingScheme scheme : GarblingScheme.values()) {
      Garbler garbler = new Garbler(AesPrg.fromSecureRandom(), scheme);
      GarbledBatch gb = garbler.garble(c, 4, null);
      long[] out = new GcEvaluator(scheme).evaluate(c, 4, gb.tables(),
          garbler.encode(gb, 0, 2, in), gb.tweakBase());
      assertThat(GcEvaluator.decode(out, gb.decodeBits())).as("%s", scheme).containsExactly(want);
    }
    assertThatThrownBy(() -> new Circuit(1, 1, new byte[] {Circuit.XOR}, new int[] {0},
        new int[] {1}, new byte[] {1}, new int[] {2}, new byte[] {0}))
        .hasMessageContaining("expected 0-3 on an AND gate, 0 on an XOR gate");
  }

  @Test
  void circuitsRejectMalformedGateArrays() {
    assertThatThrownBy(() -> new Circuit(1, 1, new byte[] {Circuit.AND}, new int[] {0},
        new int[] {2}, new int[] {2})).hasMessageContaining("not yet defined");
    assertThatThrownBy(() -> new Circuit(1, 1, new byte[] {7}, new int[] {0}, new int[] {1},
        new int[] {2})).hasMessageContaining("unknown type");
  }
}
