/**
 * Exact accounting of a network's private-inference costs (DEEPRESHAPE.md section 3): ReLUs,
 * multiply-accumulates, parameters and activation elements per layer, per stage and in total.
 * Pure functions of the spec's {@link io.deepreshape.graph.NetworkGraph}.
 */
package io.deepreshape.accounting;
