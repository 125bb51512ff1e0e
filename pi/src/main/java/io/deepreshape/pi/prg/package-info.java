/**
 * Randomness and AES plumbing: an AES counter-mode PRG built on batched {@code AES/ECB/NoPadding}
 * calls (the JDK's AES-NI path), a fixed-key AES permutation, and the tweakable circular
 * correlation-robust hash of Guo, Katz, Wang and Yu (IEEE S&amp;P 2020) used by garbling and OT
 * extension (PI-ENGINE.md section 3, "randomness").
 */
package io.deepreshape.pi.prg;
