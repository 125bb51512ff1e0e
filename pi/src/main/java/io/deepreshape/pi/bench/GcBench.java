package io.deepreshape.pi.bench;

import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.GarbledBatch;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.gc.GarblingScheme;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.prg.AesPrg;

/**
 * Garbling and evaluation rates of batches of ReLU circuits, in AND gates per second, and the
 * table bytes per ReLU, for every garbling scheme.
 */
final class GcBench {
  private GcBench() {}

  static void run(int batch, int rounds, GarblingScheme... schemes) {
    Circuit relu = ReluCircuits.relu(37, 12);
    System.out.printf("GC  ReLU l=37 s=12: %d AND/ReLU, batch %d, %d rounds%n", relu.andGates(),
        batch, rounds);
    for (GarblingScheme scheme : schemes) {
      run(scheme, relu, batch, rounds);
    }
  }

  private static void run(GarblingScheme scheme, Circuit relu, int batch, int rounds) {
    Garbler garbler = new Garbler(AesPrg.fromSecureRandom(), scheme);
    GcEvaluator evaluator = new GcEvaluator(scheme);
    GarbledBatch last = null;
    for (int warm = 0; warm < rounds; warm++) {
      last = garbler.garble(relu, batch, null);
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      last = garbler.garble(relu, batch, null);
    }
    double garbleS = (System.nanoTime() - t0) / 1e9;
    long ands = (long) relu.andGates() * batch * rounds;
    long[] labels = garbler.encode(last, 0, relu.inputs(), new byte[relu.inputs() * batch]);
    for (int warm = 0; warm < rounds; warm++) {
      evaluator.evaluate(relu, batch, last.tables(), labels, last.tweakBase());
    }
    long t1 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      evaluator.evaluate(relu, batch, last.tables(), labels, last.tweakBase());
    }
    double evalS = (System.nanoTime() - t1) / 1e9;
    System.out.printf("GC  %s: %.1f table bytes per ReLU%n", scheme,
        8.0 * last.tables().length / batch);
    System.out.printf("GC  %s garble:   %.2f M AND/s (%.2f us per ReLU)%n", scheme,
        ands / garbleS / 1e6, garbleS * 1e6 / ((long) batch * rounds));
    System.out.printf("GC  %s evaluate: %.2f M AND/s (%.2f us per ReLU)%n", scheme,
        ands / evalS / 1e6, evalS * 1e6 / ((long) batch * rounds));
  }
}
