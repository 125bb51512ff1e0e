/**
 * Coarse-grained ReLU and FLOP reduction operators (DeepReShape Algorithm 2, steps 2-4; DEEPRESHAPE.md
 * section 6): culling, thinning, ReLU-reuse, partial ReLUs and structured pruning, each a pure
 * {@code NetworkSpec -> NetworkSpec} function expressed with ReLU modes and stage shapes, so the
 * accounting, the latency model and the model builder honour it.
 */
package io.deepreshape.reduction;
