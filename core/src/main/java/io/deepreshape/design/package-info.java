/**
 * Budget design, DeepReShape Algorithm 2 end to end (DEEPRESHAPE.md section 6): HybReNet family
 * members and their coarse-grained ReLU reductions (culling, thinning, ReLU-reuse) at or under a ReLU
 * budget, ranked by estimated PI latency (section 7), beside what a baseline needs to reach the same
 * budget with culling and thinning alone.
 */
package io.deepreshape.design;
