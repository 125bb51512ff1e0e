/**
 * The fixed-point network of private inference (PI-ENGINE.md section 1): a spec's network graph
 * turned into a program of linear steps and nonlinear layers, batch norms folded into the convolutions,
 * average pooling into the classifier, weights at scale {@code 2^s} and biases at {@code 2^{2s}}
 * over the ring {@code Z_{2^l}} (Cheetah's number format, Huang et al., USENIX Security 2022), and
 * the plaintext reference that evaluates it with the protocol's exact ring arithmetic.
 */
package io.deepreshape.pi.quant;
