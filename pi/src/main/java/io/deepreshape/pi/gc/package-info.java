/**
 * Garbled circuits for the ReLU layers of the engine (PI-ENGINE.md section 2): boolean circuits as
 * flat arrays, the circuits for ReLU with truncation and re-masking, identity, ReLU reuse and
 * max-pool, a plain bit-sliced evaluator, and a garbler and evaluator with free-XOR and
 * point-and-permute whose AND gates are garbled by three-halves (Rosulek and Roy, CRYPTO 2021: 1.5
 * kappa + 5 bits per gate, the engine's scheme) or half-gates (Zahur, Rosulek and Evans, Eurocrypt
 * 2015: 2 kappa), both hashing with fixed-key AES as the tweakable circular correlation-robust
 * hash of Guo, Katz, Wang and Yu (2020), on batches of many circuits at a time.
 */
package io.deepreshape.pi.gc;
