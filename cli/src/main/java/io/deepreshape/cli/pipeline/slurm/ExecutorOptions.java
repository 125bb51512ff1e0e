package io.deepreshape.cli.pipeline.slurm;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.Main;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.pipeline.Pipeline;
import io.deepreshape.cli.pipeline.PipelineConfig;
import io.deepreshape.cli.pipeline.WorkUnit;
import io.deepreshape.train.progress.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of {@code run} that choose where a pipeline's units run, and the Slurm jobs' resources. */
public final class ExecutorOptions {
  @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
      description = "local (default): every stage in this process; slurm: every unit as a Slurm job "
          + "(project and output folder on a shared filesystem).")
  String executor;

  @ArgGroup(exclusive = true, heading = "Instead of the whole pipeline (at most one):%n")
  Only only;

  /** One thing to do instead of running the pipeline. */
  static final class Only {
    @Option(names = "--status", description = "Show every unit's state (done, queued, running, failed with the last "
        + "lines of its log) and exit.")
    boolean status;

    @Option(names = "--cancel", description = "Cancel the pipeline's queued and running Slurm jobs and exit.")
    boolean cancel;

    @Option(names = "--unit", paramLabel = "NAME", description = "Run only this unit (what each Slurm job runs; "
        + "see --status for the names).")
    String unit;
  }

  @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition of every job.")
  String partition;

  @Option(names = "--gpus-per-job", paramLabel = "N", defaultValue = "0", description = "GPUs per job (--gres=gpu:N).")
  int gpusPerJob;

  @Option(names = "--cpus-per-job", paramLabel = "N", defaultValue = "0", description = "CPUs per job "
      + "(--cpus-per-task).")
  int cpusPerJob;

  @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per job, e.g. 16G.")
  String mem;

  @Option(names = "--time", paramLabel = "TIME", description = "Time limit per job, e.g. 4:00:00; a job near it "
      + "checkpoints and requeues itself.")
  String time;

  @Option(names = "--array-parallelism", paramLabel = "K", defaultValue = "0",
      description = "At most K tasks of an array at once (%%K).")
  int arrayParallelism;

  @Option(names = "--signal-before", paramLabel = "SECONDS", defaultValue = "300",
      description = "Checkpoint and requeue this long before the time limit (default: ${DEFAULT-VALUE}).")
  int signalBefore;

  @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "Further sbatch option for every job, "
      + "e.g. --sbatch-arg=--account=lab (repeatable).")
  List<String> sbatchArgs = new ArrayList<>();

  @Option(names = "--launcher", paramLabel = "CMD", description = "Command each job runs (default: this "
      + "project's bin/deepreshape).")
  String launcher;

  private boolean status() {
    return only != null && only.status;
  }

  private boolean cancel() {
    return only != null && only.cancel;
  }

  private String unit() {
    return only == null ? null : only.unit;
  }

  /** Whether these options take over from the local executor. */
  public boolean handles() {
    if (!executor.equals("local") && !executor.equals("slurm")) {
      throw new UserException("--executor must be local or slurm, was " + executor);
    }
    return executor.equals("slurm") || status() || cancel() || unit() != null;
  }

  /** Whether the command only reads the pipeline's folder ({@code --status}, {@code --cancel}). */
  public boolean readsOnly() {
    return status() || cancel();
  }

  /** Submits, shows, cancels or runs one unit of {@code config} in {@code out}. */
  public int call(Path file, PipelineConfig config, Path out, PrintWriter stdout, PrintWriter err, boolean quiet)
      throws IOException {
    Path dir = out.toAbsolutePath().normalize();
    ProgressLine progress = new ProgressLine(System.err, quiet ? ProgressLine.Mode.OFF : ProgressLine.Mode.AUTO);
    Pipeline pipeline = new Pipeline(config, dir, err, progress);
    if (unit() != null) {
      return runUnit(pipeline, stdout, err);
    }
    List<WorkUnit> units = pipeline.units();
    if (status()) {
      boolean slurm = !Ledger.read(dir).isEmpty();
      PipelineStatus.print(PipelineStatus.of(units, dir, slurm ? new SlurmCommands() : null), stdout);
      return ExitCodes.OK;
    }
    SlurmExecutor slurm = new SlurmExecutor(new SlurmCommands(), err);
    if (cancel()) {
      slurm.cancel(units, dir);
      return ExitCodes.OK;
    }
    if (dir.toString().matches(".*\\s.*")) {
      throw new UserException("--out " + dir + " has whitespace, which sbatch's --output cannot hold; choose another");
    }
    pipeline.prepare();
    SlurmSettings settings;
    try {
      settings = new SlurmSettings(partition, gpusPerJob, cpusPerJob, mem, time, arrayParallelism, signalBefore,
          sbatchArgs, launcher != null ? launcher : defaultLauncher());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    slurm.submit(units, new SbatchScript.Context(config.name(), file.toAbsolutePath().normalize(), dir, settings));
    err.println("[slurm] follow it with: run " + file + " --out " + out + " --status");
    err.flush();
    stdout.println(dir.resolve("report/report.html"));
    stdout.flush();
    return ExitCodes.OK;
  }

  private int runUnit(Pipeline pipeline, PrintWriter stdout, PrintWriter err) throws IOException {
    try {
      stdout.println(pipeline.runUnit(unit()));
      stdout.flush();
    } catch (Pipeline.Interrupted e) {
      err.println("stopped: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    return ExitCodes.OK;
  }

  /** The project's bin/deepreshape, found from where this code runs (cli/target/...). */
  static String defaultLauncher() {
    try {
      Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = code.getParent().getParent().getParent();
      Path bin = root.resolve("bin/deepreshape");
      if (Files.isExecutable(bin)) {
        return bin.toString();
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the message below
    }
    throw new UserException("cannot find the project's bin/deepreshape next to this build; give --launcher CMD");
  }
}
