package io.deepreshape.cli.pipeline;

import io.deepreshape.error.UserInputException;
import io.deepreshape.train.data.FashionMnist;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the pipeline at a scale that finishes in minutes on 2 CPU cores, on Fashion-MNIST when
 * the Debian package is installed and on the built-in synthetic set otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the DeepReShape pipeline on built-in demo data (a Fashion-MNIST subset when the "
        + "dataset-fashion-mnist package is installed, the synthetic set otherwise) in a few minutes on a CPU.",
        "Running it again continues an interrupted demo. The last line of output is the report's path."})
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "auto",
      description = "auto (Fashion-MNIST if installed, else synthetic), fashion-mnist or synthetic.")
  String dataset;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    String ds = switch (dataset) {
      case "auto" -> FashionMnist.isPresent(FashionMnist.DEFAULT_DIR) ? "fashion-mnist" : "synthetic";
      case "fashion-mnist", "synthetic" -> dataset;
      default -> throw new UserInputException("--dataset must be auto, fashion-mnist or synthetic, was " + dataset);
    };
    PrintWriter log = spec.commandLine().getErr();
    log.println(ds.equals("fashion-mnist")
        ? "demo: using 5,000 training and 2,000 test images of Fashion-MNIST (the Debian package is installed)"
        : "demo: using the built-in synthetic dataset (install dataset-fashion-mnist for real data)");
    log.flush();
    PipelineConfig demo = config(ds);
    RunCommand.claim(out, demo.name(), false);
    return RunCommand.execute(demo, out, spec.commandLine().getOut(), log, quiet);
  }

  /** The demo's pipeline: small widths, few epochs, two budgets. */
  static PipelineConfig config(String dataset) {
    boolean real = dataset.equals("fashion-mnist");
    return new PipelineConfig("demo-" + dataset, dataset, null, 2000, 500, real ? 5000 : 0, real ? 2000 : 0,
        "basech:16", 1, List.of(25_000L, 50_000L), List.of("deepreduce", "snl"), List.of(4, 8), 8, 3, 2, 64, 0.05, 0.02,
        42, "he-gc", "loopback");
  }
}
