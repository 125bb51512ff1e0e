package io.deepreshape.cli.export;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.DatasetOption;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.common.PresetOrSpec;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.OnnxExport;
import io.deepreshape.spec.InputShape;
import io.deepreshape.train.model.TrainedWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: a network and its weights as an ONNX model, optionally checked with ONNX Runtime. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a network and its weights (a run's trained ones, else random) as an ONNX model "
        + "(opset " + OnnxExport.OPSET + "; input \"" + OnnxExport.INPUT + "\" [N,C,H,W] normalised as in training, "
        + "output \"" + OnnxExport.OUTPUT + "\" [N,classes]).")
public final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The network (one of):%n")
  Source network;

  /** A trained run, or a preset or spec file with random weights. */
  static final class Source extends PresetOrSpec {
    @Option(names = "--run", paramLabel = "RUN_DIR", description = "A finished run: its spec and trained weights.")
    Path run;
  }

  @Mixin
  DatasetOption dataset;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The ONNX file to write.")
  Path out;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the random weights without --run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--check", description = "Run the written file with ONNX Runtime and compare its logits with DJL's.")
  boolean check;

  @Option(names = "--check-images", paramLabel = "N", defaultValue = "8",
      description = "Random images the check compares (default: ${DEFAULT-VALUE}).")
  int checkImages;

  @Override
  public Integer call() throws IOException {
    if (checkImages < 1) {
      throw new UserException("--check-images must be at least 1, got " + checkImages);
    }
    OutputFolder.refuseReplacingFile(out, force, "--out");
    PrintWriter w = spec.commandLine().getOut();
    Path run = network.run;
    try (LoadedModel model = run != null ? LoadedModel.fromRun(run)
        : LoadedModel.random(network.spec(dataset.dataset()), seed)) {
      NetworkGraph graph = model.graph();
      OnnxExport.write(graph, new TrainedWeights(model.built()), out);
      InputShape in = graph.input();
      w.printf(Locale.ROOT, "wrote %s: %s, %s weights, opset %d, input %s [N,%d,%d,%d], output %s [N,%d]%n", out,
          graph.name(), run != null ? "trained" : "random", OnnxExport.OPSET, OnnxExport.INPUT, in.channels(),
          in.height(), in.width(), OnnxExport.OUTPUT, in.classes());
      if (check) {
        ExportCheck.Result r = ExportCheck.compare(model, out, checkImages, seed);
        w.printf(Locale.ROOT, "check: ONNX Runtime vs DJL on %d random images: max |logit difference| %.3g, "
            + "tolerance %.3g: %s%n", r.images(), r.maxDifference(), r.tolerance(), r.passed() ? "passed" : "FAILED");
        return r.passed() ? ExitCodes.OK : ExitCodes.INTERNAL;
      }
    }
    return ExitCodes.OK;
  }
}
