package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.prg.AesPrg;
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
  void circuitsRejectMalformedGateArrays() {
    assertThatThrownBy(() -> new Circuit(1, 1, new byte[] {Circuit.AND}, new int[] {0},
        new int[] {2}, new int[] {2})).hasMessageContaining("not yet defined");
    assertThatThrownBy(() -> new Circuit(1, 1, new byte[] {7}, new int[] {0}, new int[] {1},
        new int[] {2})).hasMessageContaining("unknown type");
  }
}
