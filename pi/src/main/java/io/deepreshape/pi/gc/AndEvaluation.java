package io.deepreshape.pi.gc;

/**
 * Evaluates the AND gates at scheduled positions {@code from .. to-1} of a circuit for all
 * instances of a batch: reads the active labels of their inputs from {@code labels} and the tables
 * (layout of {@link GarblingScheme}), writes the active labels of their outputs.
 */
interface AndEvaluation {
  void evaluate(Circuit c, int batch, long[] labels, long[] tables, long tweakBase, int from,
      int to);
}
