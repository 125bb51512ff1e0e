package io.deepreshape.cli.pipeline;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.pipeline.slurm.ExecutorOptions;
import io.deepreshape.train.trainer.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run PIPELINE.yaml}: runs a pipeline file; running it again continues where it stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a DeepReShape pipeline file: baseline teacher, criticality, equalization, HybReNet family, "
        + "budget design, HybReNets and baseline methods trained with distillation, and an HTML report.",
        "Finished stages are skipped, so running the same command again continues an interrupted pipeline.",
        "With --executor slurm every unit is a Slurm job and running again submits only what is missing or failed.",
        "The last line of output is the path of the report."})
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "Pipeline file (see pipelines/).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<pipeline name>).")
  Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @CommandLine.Mixin
  ExecutorOptions executor;

  @Override
  public Integer call() throws IOException {
    PipelineConfig config = PipelineFile.read(file);
    if (executor.handles()) {
      return executor.call(file, config, out != null ? out : Path.of("runs", config.name()), spec.commandLine().getOut(),
          spec.commandLine().getErr(), quiet);
    }
    return execute(config, out != null ? out : Path.of("runs", config.name()), spec.commandLine().getOut(),
        spec.commandLine().getErr(), quiet);
  }

  /** Runs {@code config} into {@code out}, printing the report path last; 130 when interrupted. */
  static int execute(PipelineConfig config, Path out, PrintWriter stdout, PrintWriter log, boolean quiet)
      throws IOException {
    ProgressLine progress = new ProgressLine(System.err, quiet ? ProgressLine.Mode.OFF : ProgressLine.Mode.AUTO);
    try {
      Path report = new Pipeline(config, out, log, progress).run();
      stdout.println(report);
      stdout.flush();
      return ExitCodes.OK;
    } catch (Pipeline.Interrupted e) {
      log.println("stopped: " + e.getMessage());
      log.flush();
      return ExitCodes.INTERRUPTED;
    }
  }
}
