/**
 * Trained ReLU optimization (DEEPRESHAPE.md sections 4 and 6): measuring stage criticality as
 * DeepReDuce does (Jha et al., ICML 2021: train the all-linear network and one stage-only network per
 * stage), DeepReDuce's culling and thinning of the least critical stages, ReLU-reuse with the smallest
 * group size that meets a budget, and the SNL baseline (Cho et al., ICML 2022: trainable per-channel
 * ReLU/identity masks under an L1 penalty, binarised to the budget). Every method fine-tunes the
 * reduced network with knowledge distillation from the teacher run into a resumable run directory.
 */
package io.deepreshape.train.optimize;
