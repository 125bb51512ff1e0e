/**
 * {@code export}: a network, from a run, a spec or a preset, written as an ONNX model with its
 * weights ({@link io.deepreshape.onnx.OnnxExport}), and with {@code --check} run by ONNX Runtime
 * against the DJL model it came from ({@link ExportCheck}).
 */
package io.deepreshape.cli.export;
