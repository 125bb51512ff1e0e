/**
 * Oblivious transfer: the Chou-Orlandi "simplest OT" as base OT on secp256r1 (Bouncy Castle), and
 * IKNP OT extension (Ishai, Kilian, Nissim and Petrank, Crypto 2003) with a fixed-key-AES
 * correlation-robust hash, for chosen 128-bit message pairs and for correlated pairs {@code (m0,
 * m0 XOR Delta)} as free-XOR garbling wants (Asharov, Lindell, Schneider and Zohner, CCS 2013).
 * Messages are 128-bit blocks stored as two longs in flat {@code long[]} arrays.
 */
package io.deepreshape.pi.ot;
