/**
 * ONNX in and out: {@link OnnxExport} writes a {@link io.deepreshape.graph.NetworkGraph} and its
 * weights as an ONNX model (opset 13, every ReLU mode in standard operators, {@link ReluOps}), and
 * {@link OnnxRuntimeRunner} runs an ONNX file with ONNX Runtime, the reference the export is checked
 * against. The protobuf messages are generated from ONNX's own {@code onnx.proto}, vendored under
 * {@code src/main/proto}. A module of its own so that {@code core} keeps Jackson as its only dependency.
 */
package io.deepreshape.onnx;
