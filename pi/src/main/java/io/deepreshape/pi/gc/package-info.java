/**
 * Garbled circuits for the ReLU layers of the engine (PI-ENGINE.md section 2): boolean circuits as
 * flat arrays, the circuits for ReLU with truncation and re-masking, identity, ReLU reuse and
 * max-pool, a plain bit-sliced evaluator, and a half-gates garbler and evaluator (Zahur, Rosulek and
 * Evans, Eurocrypt 2015) with free-XOR and point-and-permute that hashes with fixed-key AES as the
 * tweakable circular correlation-robust hash of Guo, Katz, Wang and Yu (2020), on batches of many
 * circuits at a time.
 */
package io.deepreshape.pi.gc;
