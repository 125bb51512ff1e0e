package io.deepreshape.cli.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the pipeline's fair protocol at a scale that finishes in minutes on 2 CPU cores, on the
 * Fashion-MNIST subset that ships with the tool (the synthetic set only with {@code --synthetic}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the DeepReShape pipeline on built-in real data (a Fashion-MNIST subset that ships with the "
        + "tool) in a few minutes on a CPU: two seeds, every ReLU optimization on the baseline and on the chosen "
        + "HybReNet, equal training epochs, choices on a validation split, latency measured on the engine.",
        "Running it again continues an interrupted demo. The last line of output is the report's path."})
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--synthetic", description = "Use the generated synthetic set instead of the real images "
      + "(its classes are easy: every network reaches about 100%%, so the report says nothing about the method).")
  boolean synthetic;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter log = spec.commandLine().getErr();
    String name = config(synthetic ? "synthetic" : "fashion-mnist", null).name();
    RunCommand.claim(out, name, false);
    String data = null;
    if (synthetic) {
      log.println("demo: using the generated synthetic dataset (--synthetic); its numbers are not real-data numbers");
    } else {
      data = DemoData.extract(out.toAbsolutePath().normalize().resolve("data/fashion-mnist-subset")).toString();
      log.printf(java.util.Locale.ROOT, "demo: using the Fashion-MNIST subset that ships with the tool: %,d training "
          + "images (%,d of them held out for validation) and %,d test images, real data (MIT licence)%n",
          DemoData.TRAIN, VALIDATION, DemoData.TEST);
    }
    log.flush();
    PipelineConfig demo = config(synthetic ? "synthetic" : "fashion-mnist", data);
    return RunCommand.execute(demo, out, spec.commandLine().getOut(), log, quiet);
  }

  static final int VALIDATION = 1000;

  /** The demo's pipeline: small widths, few epochs, one budget, two seeds. */
  static PipelineConfig config(String dataset, String data) {
    boolean real = dataset.equals("fashion-mnist");
    return new PipelineConfig("demo-" + dataset, dataset, data, 2000, 500, 0, 0, real ? VALIDATION : 200,
        "basech:16", 1, List.of(25_000L), List.of("deepreduce", "snl"), List.of("baseline", "hybrenet"), List.of(4, 8),
        8, 2, 3, 2, 64, 0.05, 0.02, List.of(42L, 43L), "he-gc", "loopback", "measured");
  }
}
