/**
 * HybReNets, step 1 of DeepReShape Algorithm 2 (DEEPRESHAPE.md section 6.1): criticality-aware
 * widening of a ReLU-equalized network over the base width {@code m} and the first factor
 * {@code alpha >= alpha*}, with the (ReLUs, FLOPs) Pareto set.
 */
package io.deepreshape.hybrenet;
