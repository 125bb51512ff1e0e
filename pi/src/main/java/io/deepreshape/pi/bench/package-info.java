/**
 * Micro-benchmarks of the engine's building blocks, run as a plain {@code main}: OT extension
 * rate, garbling rate and NTT time, to compare with the peers of PI-ENGINE.md section 5.
 */
package io.deepreshape.pi.bench;
