/**
 * ONNX in: {@link OnnxImport} reads an ONNX model of the supported operators (the ones PyTorch's
 * exporter writes for convolutional networks) into a {@link io.deepreshape.graph.NetworkGraph} and
 * its weights. Anything outside the supported set, a malformed file or shapes that do not fit fail
 * with a one-line {@link io.deepreshape.error.UserInputException} naming the node.
 */
package io.deepreshape.onnx.importer;
