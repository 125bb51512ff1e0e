package io.deepreshape.onnx.importer;

import io.deepreshape.graph.NetworkGraph;

/**
 * An ONNX model read into the project's terms.
 *
 * @param graph the network graph (the architecture; it has no spec)
 * @param weights its parameters, by node address
 */
public record ImportedModel(NetworkGraph graph, ImportedWeights weights) {}
