/**
 * Channel scaling (DEEPRESHAPE.md section 2): BaseCh (scale the base width {@code m}), StageCh (one
 * common factor for every stage) and heterogeneous scaling (each factor {@code f_i} on its own, what
 * ReLU-equalization and HybReNets choose).
 */
package io.deepreshape.scaling;
