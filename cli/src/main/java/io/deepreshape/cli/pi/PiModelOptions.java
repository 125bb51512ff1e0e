package io.deepreshape.cli.pi;

import io.deepreshape.cli.UserException;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The server's network for {@code pi serve} and {@code pi bench}: a trained run, a spec or
 * preset with random weights, or an imported ONNX model with its own; and the fixed-point format.
 */
public final class PiModelOptions {
  @Option(names = "--run", paramLabel = "RUN_DIR", description = "Trained run directory (spec.yaml, final.params).")
  Path run;

  @Option(names = "--preset", paramLabel = "NAME", description = "Preset network with random weights, e.g. resnet18, resnet20, hybrenet:4,2,2,2.")
  String preset;

  @Option(names = "--spec", paramLabel = "FILE", description = "Network spec file (YAML or JSON) with random weights.")
  Path specFile;

  @Option(names = "--onnx", paramLabel = "FILE", description = "Network imported from an ONNX model, with its "
      + "weights (see analyze --onnx for the supported operators).")
  Path onnx;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar100",
      description = "Dataset fixing input size and classes for --preset (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random weights without --run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ring-bits", defaultValue = "37", description = "Ring bits l (default: ${DEFAULT-VALUE}).")
  int ringBits;

  @Option(names = "--frac-bits", defaultValue = "12", description = "Fractional bits s (default: ${DEFAULT-VALUE}).")
  int fracBits;

  /** The loaded or generated model. */
  public Loaded load() {
    QuantConfig q = new QuantConfig(ringBits, fracBits);
    if (onnx != null) {
      if (run != null || preset != null || specFile != null) {
        throw new UserException("give --onnx alone, not with --run, --preset or --spec");
      }
      ImportedModel m = OnnxImport.read(onnx);
      QuantNetwork net = QuantNetwork.quantize(ProgramBuilder.build(m.graph(), m.weights()), q);
      return new Loaded(net, new ServerInfo(m.graph(), q, null, null, null), null);
    }
    if (run != null) {
      if (preset == null && specFile == null) {
        RunModel m = RunModel.load(run);
        QuantNetwork net = QuantNetwork.quantize(m.network(), q);
        ServerInfo info = new ServerInfo(m.graph(), q, m.data().dataset(),
            m.normalization().mean(), m.normalization().std());
        return new Loaded(net, info, m);
      }
      throw new UserException("give either --run or --preset/--spec, not both");
    }
    NetworkSpec spec = spec();
    FloatNetwork f = ProgramBuilder.build(spec, new RandomWeights(seed));
    QuantNetwork net = QuantNetwork.quantize(f, q);
    return new Loaded(net, new ServerInfo(spec, q, null, null, null), null);
  }

  /** The same choice as command-line arguments, for a server in another process. */
  List<String> args() {
    List<String> a = new ArrayList<>();
    if (run != null) {
      a.addAll(List.of("--run", run.toAbsolutePath().toString()));
    }
    if (preset != null) {
      a.addAll(List.of("--preset", preset, "--dataset", dataset));
    }
    if (specFile != null) {
      a.addAll(List.of("--spec", specFile.toAbsolutePath().toString()));
    }
    if (onnx != null) {
      a.addAll(List.of("--onnx", onnx.toAbsolutePath().toString()));
    }
    a.addAll(List.of("--seed", Long.toString(seed), "--ring-bits", Integer.toString(ringBits),
        "--frac-bits", Integer.toString(fracBits)));
    return a;
  }

  private NetworkSpec spec() {
    if (preset != null && specFile != null) {
      throw new UserException("give one of --preset and --spec, not both");
    }
    if (preset != null) {
      return Presets.build(preset, Dataset.parse(dataset));
    }
    if (specFile != null) {
      return SpecIo.read(specFile);
    }
    throw new UserException("no network given: use --run RUN_DIR, --preset NAME or --spec FILE");
  }

  /**
   * A server model.
   *
   * @param net the quantised network
   * @param info what the server announces
   * @param run the trained run, or null for random weights
   */
  public record Loaded(QuantNetwork net, ServerInfo info, RunModel run) {}
}
