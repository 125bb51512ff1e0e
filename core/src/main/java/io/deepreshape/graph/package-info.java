/**
 * The network graph of a spec: typed nodes (convolution, batch norm, ReLU, addition, max and average
 * pooling, flatten, fully connected, and the engine's truncations) in execution order, each with its
 * input and output shapes, the nodes it reads and a stable address ({@code stem.conv},
 * {@code s2.b1.conv1}, a ReLU's {@link io.deepreshape.spec.ReluAddress}, {@code head.fc}). {@link
 * NetworkGraph#of} is the one place that knows how a block is wired; accounting, the latency model,
 * the trainable model and the engine's program all read the graph, and share its passes: batch-norm
 * folding ({@link BatchNormFolding}), average-pool folding into the classifier ({@link PoolFolding}),
 * the engine's truncations ({@link Truncations}) and the engine's HE and garbled-circuit plan
 * ({@link EnginePlan}).
 */
package io.deepreshape.graph;
