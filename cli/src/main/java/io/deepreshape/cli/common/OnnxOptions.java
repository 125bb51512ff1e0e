package io.deepreshape.cli.common;

import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --onnx FILE}: a network imported from an ONNX model, its weights included. */
public final class OnnxOptions {
  @Option(names = "--onnx", paramLabel = "FILE",
      description = "Network imported from an ONNX model (Conv, BatchNormalization, Relu, Add, MaxPool, "
          + "GlobalAveragePool, Flatten/Reshape, Gemm/MatMul+Add, Identity, Constant), with its weights.")
  List<Path> files = new ArrayList<>();

  /** Whether {@code --onnx} was given. */
  public boolean given() {
    return !files.isEmpty();
  }

  /** Every model asked for, in order. */
  public List<ImportedModel> models() {
    return files.stream().map(OnnxImport::read).toList();
  }

  /** The one model asked for; null when {@code --onnx} was not given. */
  public ImportedModel single() {
    if (files.size() > 1) {
      throw new io.deepreshape.cli.UserException("this command takes one --onnx model, got " + files.size());
    }
    return files.isEmpty() ? null : OnnxImport.read(files.get(0));
  }
}
