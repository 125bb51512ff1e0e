package io.deepreshape.pi.gc;

/**
 * The garbler's result for {@code batch} instances of one circuit: the garbled tables (sent to
 * the evaluator), the zero-labels of every input wire (kept by the garbler) and the decoding bits
 * of the outputs (sent to the evaluator).
 *
 * <p>Layouts: tables as {@link GarblingScheme} lays them out, AND gate with ordinal {@code a},
 * instance {@code k} being gate {@code a*batch + k}; zero-label of input wire {@code w}, instance
 * {@code k}: two longs at {@code (w*batch + k)*2}; decoding bit of output {@code o}, instance
 * {@code k}: {@code decodeBits[o*batch + k]}.
 *
 * @param circuit the garbled circuit
 * @param scheme how its AND gates were garbled
 * @param batch number of instances
 * @param tweakBase first gate identifier used as hash tweak; identifiers {@code tweakBase ..
 *     tweakBase + andGates*batch - 1} are used (the evaluator needs {@code tweakBase})
 * @param tables the garbled tables
 * @param inputLabels0 zero-labels of all input wires
 * @param decodeBits the point-and-permute bits of the outputs' zero-labels
 */
public record GarbledBatch(Circuit circuit, GarblingScheme scheme, int batch, long tweakBase,
    long[] tables, long[] inputLabels0, byte[] decodeBits) {
}
