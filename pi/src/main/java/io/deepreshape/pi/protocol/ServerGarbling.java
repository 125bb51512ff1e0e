package io.deepreshape.pi.protocol;

import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.prg.AesPrg;

/**
 * The server's garblers and buffers for one offline phase: a worker garbler per engine thread and,
 * per batch of an offline window ({@link GcPlan#WINDOW}), the arrays that batch is garbled from and
 * into. Kept from layer to layer, so that ResNet18's offline phase garbles its 1.3 GB of tables
 * into a few buffers of megabytes: allocated per batch, they were humongous objects for G1, and
 * the heap grew by a gigabyte of fresh pages during the phase, each first touch a page fault that
 * cost more than the garbling (a core of system time for several seconds). Not thread-safe: each
 * slot is used by one batch at a time.
 */
final class ServerGarbling {
  private final Garbler garbler;
  private final Garbler[] workers;
  private final long[][] tables = new long[GcPlan.WINDOW][];
  private final long[][] garblerLabels = new long[GcPlan.WINDOW][];
  private final long[][] evaluatorLabels = new long[GcPlan.WINDOW][];

  /** Workers under {@code garbler}'s offset, each seeded from {@code prg}. */
  ServerGarbling(Garbler garbler, AesPrg prg) {
    this.garbler = garbler;
    this.workers = new Garbler[Math.min(GcPlan.WINDOW, Parallel.workers())];
    for (int w = 0; w < workers.length; w++) {
      byte[] seed = new byte[16];
      prg.nextBytes(seed);
      workers[w] = garbler.worker(new AesPrg(seed));
    }
  }

  /** The garbler that reserves gate identifiers and holds the offset. */
  Garbler garbler() {
    return garbler;
  }

  /** Worker {@code w} of {@link Parallel#forEach}. */
  Garbler worker(int w) {
    return workers[w];
  }

  /** Room for at least {@code longs} longs of tables for window slot {@code slot}. */
  long[] tables(int slot, int longs) {
    return tables[slot] = atLeast(tables[slot], longs);
  }

  /** Room for at least {@code longs} longs of the garbler's input labels for slot {@code slot}. */
  long[] garblerLabels(int slot, int longs) {
    return garblerLabels[slot] = atLeast(garblerLabels[slot], longs);
  }

  /** Room for at least {@code longs} longs of the evaluator's input labels for slot {@code slot}. */
  long[] evaluatorLabels(int slot, int longs) {
    return evaluatorLabels[slot] = atLeast(evaluatorLabels[slot], longs);
  }

  private static long[] atLeast(long[] a, int longs) {
    return a != null && a.length >= longs ? a : new long[longs];
  }
}
