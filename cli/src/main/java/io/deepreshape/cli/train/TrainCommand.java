package io.deepreshape.cli.train;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.DataOptions;
import io.deepreshape.cli.common.DatasetOption;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.common.PresetOrSpec;
import io.deepreshape.cli.common.TrainingOptions;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.train.optimize.WarmStart;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunChecks;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import io.deepreshape.train.trainer.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code train}: trains a spec on a dataset into a run directory; re-running it resumes. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a network (a preset or spec file) on a dataset, with the recipe of DEEPRESHAPE.md section 8 "
        + "unless overridden. Metrics go to RUN_DIR/metrics.jsonl, checkpoints are written every epoch and on Ctrl-C.",
        "Running the same command again (or with --resume) continues an interrupted run."})
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The network (one of):%n")
  Source network;

  /** What to train: a preset, a spec file or an imported ONNX model (its weights the starting point). */
  static final class Source extends PresetOrSpec {
    @Option(names = "--onnx", paramLabel = "FILE", description = "Network imported from an ONNX model, trained "
        + "from its weights (see analyze --onnx for the supported operators).")
    Path onnx;
  }

  @Mixin
  DatasetOption dataset;

  @Mixin
  DataOptions data;


  @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run directory.")
  Path out;

  @Option(names = "--resume", description = "Require an existing checkpoint in RUN_DIR and continue it.")
  boolean resume;

  @Option(names = "--restart", description = "Move the files of an earlier run in RUN_DIR (a corrupt checkpoint, other"
      + " settings, another network) into RUN_DIR/previous-N and train from the start.")
  boolean restart;

  @Option(names = "--force", description = "Replace the files of an unfinished or unresumable run in RUN_DIR"
      + " (without a checkpoint) instead of refusing.")
  boolean force;

  @Option(names = "--teacher", paramLabel = "RUN_DIR", description = "Distil from this finished run (Hinton KD).")
  Path teacher;

  @Option(names = "--epochs", defaultValue = "200", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--max-bad-steps", defaultValue = "3", description = "Bad steps (loss NaN, infinite or"
      + " above 1e4) in a row that are skipped without an update before the run stops as diverged;"
      + " 0 stops at the first (default: ${DEFAULT-VALUE}).")
  int maxBadSteps;

  @Option(names = "--lr", defaultValue = "0.1", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--warmup-epochs", defaultValue = "0", description = "Linear warm-up epochs (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--label-smoothing", defaultValue = "0", description = "Label smoothing (default: ${DEFAULT-VALUE}).")
  double labelSmoothing;

  @Option(names = "--kd-temperature", defaultValue = "4", description = "KD temperature (default: ${DEFAULT-VALUE}).")
  double kdTemperature;

  @Option(names = "--kd-weight", defaultValue = "0.9", description = "KD soft-loss weight (default: ${DEFAULT-VALUE}).")
  double kdWeight;

  @Mixin
  TrainingOptions training;

  /** The recorded settings of a run to resume; a missing or broken config.json is the user's to fix. */
  private TrainConfig recorded(RunDirectory dir) {
    try {
      return dir.readConfig();
    } catch (IOException e) {
      throw new UserException(e.getMessage() + "; rerun with --restart to keep the old files aside and start over");
    }
  }

  /** {@code base} with every option given on the command line (all of them for a new run). */
  private TrainConfig withOptions(TrainConfig base, boolean all) {
    Map<String, Consumer<TrainConfig.Builder>> setters = new LinkedHashMap<>();
    setters.put("--epochs", b -> b.epochs(epochs));
    setters.put("--batch-size", b -> b.batchSize(training.batchSize));
    setters.put("--lr", b -> b.learningRate(lr));
    setters.put("--weight-decay", b -> b.weightDecay(training.weightDecay));
    setters.put("--warmup-epochs", b -> b.warmupEpochs(warmup));
    setters.put("--label-smoothing", b -> b.labelSmoothing(labelSmoothing));
    setters.put("--seed", b -> b.seed(training.seed));
    setters.put("--kd-temperature", b -> b.kdTemperature(kdTemperature));
    setters.put("--kd-weight", b -> b.kdWeight(kdWeight));
    setters.put("--max-steps-per-epoch", b -> b.maxStepsPerEpoch(training.maxSteps));
    setters.put("--max-bad-steps", b -> b.maxBadSteps(maxBadSteps));
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    TrainConfig.Builder builder = base.toBuilder();
    setters.forEach((option, set) -> {
      if (all || given.hasMatchedOption(option)) {
        set.accept(builder);
      }
    });
    return builder.build();
  }

  @Override
  public Integer call() throws IOException {
    ImportedModel imported = network.onnx != null ? OnnxImport.read(network.onnx) : null;
    NetworkGraph net = imported != null ? imported.graph() : NetworkGraph.of(network.spec(dataset.dataset()));
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserException("--out " + out + " is a file, not a folder");
    }
    RunDirectory dir = new RunDirectory(out);
    if (restart) {
      Path aside = RunChecks.moveAside(out);
      if (aside != null) {
        System.err.println("restarting: the earlier run's files are now in " + aside);
      }
    }
    if (resume && !dir.hasCheckpoint()) {
      throw new UserException(out + " has no checkpoint to resume");
    }
    if (!dir.hasCheckpoint()) {
      OutputFolder.refuseReplacing(out, RunChecks.RUN_FILES, force, "--out");
    }
    DataSettings settings = data.settings(dataset.dataset(), training.seed);
    boolean resuming = dir.hasCheckpoint();
    TrainConfig config = resuming ? withOptions(recorded(dir), false) : withOptions(TrainConfig.defaults(), true);
    if (force && !resuming) {
      RunChecks.removeRunFiles(out);
    }
    if (resuming) {
      System.err.println("resuming " + out + " with the settings recorded in its " + RunDirectory.CONFIG
          + " (options that differ from them are refused)");
    }
    ProgressLine progress = training.progress();
    if (imported != null && !resuming) {
      WarmStart.prepare(out, net, imported.weights(), settings, config, DeviceSelector.select());
      PrintWriter err = spec.commandLine().getErr();
      err.println("training " + net.name() + " from the imported model's weights");
      err.flush();
    }
    TrainResult result;
    try {
      result = TrainingRun.train(net, settings, config, teacher, out, progress);
    } catch (TrainingDivergedException e) {
      throw new UserException(e.getMessage(), e);
    }
    Path curve = TrainingCurvePlot.write(out, net.name());
    PrintWriter w = spec.commandLine().getOut();
    NetworkCost cost = Accounting.of(net);
    EpochMetrics last = result.metrics().isEmpty() ? null : result.metrics().get(result.metrics().size() - 1);
    w.printf(Locale.ROOT, "%s: %s after %d epochs; %s ReLUs, %s FLOPs%n", net.name(),
        result.status() == TrainResult.Status.COMPLETED ? "finished" : "stopped (resume with the same command)",
        result.completedEpochs(), Format.count(cost.relus()), Format.si(cost.macs()));
    if (last != null && last.testTop1() != null) {
      w.printf(Locale.ROOT, "test top-1 %.2f%%, %.0f images/s%n", 100 * last.testTop1(), last.imagesPerSecond());
    }
    if (curve != null) {
      w.println("training curve: " + curve);
    }
    w.println("run directory: " + out);
    w.flush();
    return result.status() == TrainResult.Status.COMPLETED ? ExitCodes.OK : ExitCodes.INTERRUPTED;
  }
}
