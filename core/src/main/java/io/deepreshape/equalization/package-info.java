/**
 * ReLU-equalization (DeepReShape Algorithm 1; DEEPRESHAPE.md section 5): the FLOP-minimal integer
 * channel factors whose stage ReLU counts follow the stages' criticality order.
 */
package io.deepreshape.equalization;
