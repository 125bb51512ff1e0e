/**
 * BFV-style homomorphic encryption for the linear layers (PI-ENGINE.md section 3, "HE"): RLWE over
 * {@code Z_q[X]/(X^N+1)} with {@code q} a product of NTT-friendly primes (RNS; a session uses
 * three at {@code N = 8192}), plaintext modulus {@code t = 2^l}, ternary secret and secret-key
 * encryption by the client (Fan and Vercauteren 2012; Brakerski 2012), plaintext-ciphertext
 * products in NTT form, and Cheetah's coefficient encoding of convolutions and matrix-vector
 * products (Huang et al., "Cheetah: Lean and Fast Secure Two-Party Deep Neural Network Inference",
 * USENIX Security 2022, HomConv and HomFC). Circuit privacy for the server's weights: every reply
 * is re-randomised under a public key of the client's, noise-flooded within a statistical budget
 * for the whole session and switched down to one prime ({@link
 * io.deepreshape.pi.he.ReplySealer}, {@link io.deepreshape.pi.he.FloodingBudget},
 * docs/security.md).
 */
package io.deepreshape.pi.he;
