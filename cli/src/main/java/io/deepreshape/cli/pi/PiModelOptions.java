package io.deepreshape.cli.pi;

import io.deepreshape.cli.common.DatasetOption;
import io.deepreshape.cli.common.PresetOrSpec;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.NetworkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The server's network for {@code pi serve} and {@code pi measure}: a trained run, a spec or
 * preset with random weights, or an imported ONNX model with its own; and the fixed-point format.
 */
public final class PiModelOptions {
  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The server's network (one of):%n")
  Source source;

  /** A trained run, an imported ONNX model with its weights, or a preset or spec file with random ones. */
  static final class Source extends PresetOrSpec {
    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Trained run directory (spec.yaml, final.params).")
    Path run;

    @Option(names = "--onnx", paramLabel = "FILE", description = "Network imported from an ONNX model, with its "
        + "weights (see analyze --onnx for the supported operators).")
    Path onnx;
  }

  @Mixin
  DatasetOption dataset;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the random weights of --preset and --spec "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ring-bits", defaultValue = "37", description = "Ring bits l (default: ${DEFAULT-VALUE}).")
  int ringBits;

  @Option(names = "--frac-bits", defaultValue = "12", description = "Fractional bits s (default: ${DEFAULT-VALUE}).")
  int fracBits;

  /** The loaded or generated model. */
  public Loaded load() {
    QuantConfig q = new QuantConfig(ringBits, fracBits);
    if (source.onnx != null) {
      ImportedModel m = OnnxImport.read(source.onnx);
      QuantNetwork net = QuantNetwork.quantize(ProgramBuilder.build(m.graph(), m.weights()), q);
      return new Loaded(net, new ServerInfo(m.graph(), q, null, null, null), null);
    }
    if (source.run != null) {
      RunModel m = RunModel.load(source.run);
      QuantNetwork net = QuantNetwork.quantize(m.network(), q);
      ServerInfo info = new ServerInfo(m.graph(), q, m.data().dataset(),
          m.normalization().mean(), m.normalization().std());
      return new Loaded(net, info, m);
    }
    NetworkSpec spec = source.spec(dataset.dataset());
    FloatNetwork f = ProgramBuilder.build(spec, new RandomWeights(seed));
    QuantNetwork net = QuantNetwork.quantize(f, q);
    return new Loaded(net, new ServerInfo(spec, q, null, null, null), null);
  }

  /** The same choice as command-line arguments, for a server in another process. */
  List<String> args() {
    List<String> a = new ArrayList<>();
    if (source.run != null) {
      a.addAll(List.of("--run", source.run.toAbsolutePath().toString()));
    }
    if (source.onnx != null) {
      a.addAll(List.of("--onnx", source.onnx.toAbsolutePath().toString()));
    }
    if (source.isSpec()) {
      a.addAll(source.specArgs());
    }
    a.addAll(List.of("--dataset", dataset.name(), "--seed", Long.toString(seed), "--ring-bits",
        Integer.toString(ringBits), "--frac-bits", Integer.toString(fracBits)));
    return a;
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
