/**
 * Randomness and AES plumbing: an AES counter-mode PRG and a fixed-key AES permutation, both on
 * the JDK's pipelined AES-NI paths (CTR, and CBC decryption undone block by block), and the
 * tweakable circular correlation-robust hash of Guo, Katz, Wang and Yu (IEEE S&amp;P 2020) used
 * by garbling and OT extension (PI-ENGINE.md section 3, "randomness").
 */
package io.deepreshape.pi.prg;
