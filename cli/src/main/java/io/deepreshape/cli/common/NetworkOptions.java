package io.deepreshape.cli.common;

import io.deepreshape.cli.UserException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --preset P}, {@code --spec FILE} and {@code --onnx FILE}, each repeatable and in any mix, and
 * {@code --dataset D}: the networks a command compares.
 */
public final class NetworkOptions {
  @Option(names = "--preset", paramLabel = "NAME",
      description = "Preset network (repeatable): resnet18, resnet34, resnet50, resnet20/32/56/110, wrn-<depth>-<k>, "
          + "basech:<m>, stagech:<m>,<f>, hybrenet:<m>,<alpha>,<beta>,<gamma>.")
  List<String> presets = new ArrayList<>();

  @Option(names = "--spec", paramLabel = "FILE", description = "Network spec file, YAML or JSON (repeatable).")
  List<Path> specs = new ArrayList<>();

  @Option(names = "--onnx", paramLabel = "FILE",
      description = "Network imported from an ONNX model (Conv, BatchNormalization, Relu, Add, MaxPool, "
          + "GlobalAveragePool, Flatten/Reshape, Gemm/MatMul+Add, Identity, Constant), with its weights "
          + "(repeatable).")
  List<Path> onnx = new ArrayList<>();

  @Mixin
  DatasetOption dataset;

  public Dataset dataset() {
    return dataset.dataset();
  }

  /** Every network asked for: presets, then spec files, then ONNX models; fails if none was given. */
  public List<NetworkGraph> graphs() {
    List<NetworkGraph> out = new ArrayList<>();
    for (String p : presets) {
      out.add(NetworkGraph.of(Presets.build(p, dataset())));
    }
    for (Path f : specs) {
      out.add(NetworkGraph.of(SpecIo.read(f)));
    }
    for (Path f : onnx) {
      out.add(OnnxImport.read(f).graph());
    }
    if (out.isEmpty()) {
      throw new UserException("no network given: use --preset NAME, --spec FILE or --onnx FILE");
    }
    return out;
  }
}
