/**
 * How a linear layer is cut into polynomials of ring degree N for homomorphic evaluation, after
 * Cheetah (Huang et al., USENIX Security 2022): the plan the engine executes and the latency model
 * counts.
 */
package io.deepreshape.packing;
