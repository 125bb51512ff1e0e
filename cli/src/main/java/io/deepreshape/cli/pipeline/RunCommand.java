package io.deepreshape.cli.pipeline;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.pipeline.slurm.ExecutorOptions;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.trainer.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run PIPELINE.yaml}: runs a pipeline file; running it again continues where it stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a DeepReShape pipeline file: per seed a baseline teacher, criticality, equalization, the "
        + "HybReNet family and the design's candidates (chosen on a validation split), every ReLU optimization on "
        + "every input network with equal epochs and distillation, engine latency, and an HTML report.",
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

  @Option(names = "--force", description = "Write into an output folder that holds files of something else.")
  boolean force;

  @CommandLine.Mixin
  ExecutorOptions executor;

  /** Records which pipeline an output folder belongs to, so a rerun resumes it and nothing else is overwritten. */
  static final String MARKER = "pipeline.name";

  @Override
  public Integer call() throws IOException {
    PipelineConfig config = PipelineFile.read(file);
    Path dir = out != null ? out : Path.of("runs", config.name());
    if (!executor.readsOnly()) {
      claim(dir, config.name(), force);
    }
    if (executor.handles()) {
      return executor.call(file, config, dir, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
    }
    return execute(config, dir, spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
  }

  /**
   * Makes {@code dir} the output folder of pipeline {@code name}: new, empty, or already this pipeline's
   * (resumed); a folder holding anything else is refused unless {@code force}.
   */
  static void claim(Path dir, String name, boolean force) throws IOException {
    OutputFolder.create(dir, "--out");
    Path marker = dir.resolve(MARKER);
    if (Files.isRegularFile(marker)) {
      String owner = Files.readString(marker).strip();
      if (!owner.equals(name) && !force) {
        throw new UserException("--out " + dir + " holds the output of pipeline " + owner + ", not " + name
            + "; choose another folder or add --force");
      }
    } else if (!force) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new UserException("--out " + dir + " already holds files that are not a pipeline's output;"
              + " choose another folder or add --force");
        }
      }
    }
    AtomicFiles.writeString(marker, name + "\n");
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
