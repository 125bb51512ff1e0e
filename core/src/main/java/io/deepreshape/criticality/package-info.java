/**
 * ReLU criticality (DEEPRESHAPE.md section 4, after DeepReDuce, Jha et al. ICML 2021): per-stage
 * scores {@code C_k = A_k - A_lin}, the order they induce, the published default order
 * S3 &gt; S2 &gt; S4 &gt; S1, and the JSON criticality file that the training pipeline fills.
 */
package io.deepreshape.criticality;
