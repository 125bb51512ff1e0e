/**
 * BFV-style homomorphic encryption for the linear layers (PI-ENGINE.md section 3, "HE"): RLWE over
 * {@code Z_q[X]/(X^N+1)} with {@code q} a product of two NTT-friendly primes (RNS), plaintext
 * modulus {@code t = 2^l}, ternary secret and secret-key encryption by the client (Fan and
 * Vercauteren 2012; Brakerski 2012), plaintext-ciphertext products in NTT form, and Cheetah's
 * coefficient encoding of convolutions and matrix-vector products (Huang et al., "Cheetah: Lean and
 * Fast Secure Two-Party Deep Neural Network Inference", USENIX Security 2022, HomConv and HomFC),
 * with noise flooding for circuit privacy.
 */
package io.deepreshape.pi.he;
