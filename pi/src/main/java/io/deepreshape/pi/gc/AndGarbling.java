package io.deepreshape.pi.gc;

/**
 * Garbles the AND gates at scheduled positions {@code from .. to-1} of a circuit for all instances
 * of a batch: reads the zero-labels of their inputs from {@code labels} (layout {@code (w*batch +
 * k)*2}), writes their tables (layout of {@link GarblingScheme}) and the zero-labels of their
 * outputs.
 */
interface AndGarbling {
  void garble(Circuit c, int batch, long[] labels, long[] tables, long tweakBase, int from, int to);
}
