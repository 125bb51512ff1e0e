package io.deepreshape.pi.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.TccrHash;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's view of a three-halves AND gate: holding one label per input wire it decrypts
 * two control bits, which select its row's secret matrix. Unmasked, those bits are a function of
 * the inputs' permute bits, so the evaluator reads off the garbler's plaintext input; masked with
 * the garbler's two fresh random bits per gate they are independent of them. The attack below
 * succeeds on every gate against the weakened garbler and is a coin toss against the real one.
 */
class ThreeHalvesViewTest {
  private static final int N = 6_000;

  @Test
  void unmaskedControlBitsRevealTheGarblersInput() {
    double hit = attack(Garbler.withUnmaskedControlBits(AesPrg.fromSecureRandom()));
    assertThat(hit).isEqualTo(1.0);
  }

  @Test
  void maskedControlBitsRevealNothing() {
    double hit = attack(new Garbler(AesPrg.fromSecureRandom(), GarblingScheme.THREE_HALVES));
    // about 4500 guesses: 0.5 +- 0.05 is more than six standard deviations
    assertThat(hit).isBetween(0.45, 0.55);
  }

  /**
   * Garbles {@code x AND y} ({@code x} the garbler's, {@code y} the evaluator's) {@code N} times,
   * evaluates from the active labels only, and guesses {@code x} from the decrypted control bits
   * as they would be if unmasked; returns the fraction guessed right among gates whose colours are
   * not both 0 (those rows carry no permute bit).
   */
  private static double attack(Garbler g) {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.garblerInput(1)[0];
    int y = b.evaluatorInput(1)[0];
    Circuit c = b.build(new int[] {b.and(x, y)});
    SplittableRandom rnd = new SplittableRandom(3);
    byte[] bits = new byte[2 * N];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) rnd.nextInt(2);
    }
    GarbledBatch gb = g.garble(c, N, null);
    long[] active = g.encode(gb, 0, 2, bits);
    long[] in = new long[6 * N];
    long[] tweaks = new long[3 * N];
    for (int k = 0; k < N; k++) {
      long[] a = {active[2 * k], active[2 * k + 1]};
      long[] e = {active[2 * (N + k)], active[2 * (N + k) + 1]};
      System.arraycopy(new long[] {a[0], a[1], e[0], e[1], a[0] ^ e[0], a[1] ^ e[1]}, 0, in, 6 * k,
          6);
      long id = gb.tweakBase() + k;
      tweaks[3 * k] = 3 * id;
      tweaks[3 * k + 1] = 3 * id + 1;
      tweaks[3 * k + 2] = 3 * id + 2;
    }
    long[] h = new long[6 * N];
    new TccrHash().hash(in, 0, tweaks, 0, h, 0, 3 * N);
    int tries = 0;
    int right = 0;
    for (int k = 0; k < N; k++) {
      int i = (int) in[6 * k] & 1;
      int j = (int) in[6 * k + 2] & 1;
      if (i == 0 && j == 0) {
        continue;
      }
      int z = ThreeHalves.control(gb.tables(), 3 * N, k);
      int r1 = ThreeHalves.firstControl(z, i, j, h[6 * k + 1], h[6 * k + 5]);
      int r2 = ThreeHalves.secondControl(z, i, j, h[6 * k + 3], h[6 * k + 5]);
      // unmasked, rows 11, 10 and 01 decrypt (1-alpha, 1-beta), (1-beta, alpha+beta) and
      // (alpha+beta, 1-alpha): each gives alpha, the colour of x's zero-label
      int notAlpha = i == 1 && j == 1 ? r1 : i == 1 ? r1 ^ r2 : r2;
      int guess = i ^ notAlpha ^ 1;
      tries++;
      right += guess == bits[k] ? 1 : 0;
    }
    assertThat(tries).isGreaterThan(N / 2);
    return right / (double) tries;
  }
}
