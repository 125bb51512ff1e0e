package io.deepreshape.train.run;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.GraphJson;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * What must hold before a run directory is resumed, and how a user starts it over without losing it:
 * the same network (spec and its recorded hash), a readable checkpoint and the same training settings.
 */
public final class RunChecks {
  /** Every file a run directory may hold that training writes. */
  public static final List<String> RUN_FILES = List.of(RunDirectory.CONFIG, RunDirectory.METRICS,
      RunDirectory.CHECKPOINT, RunDirectory.FINAL_PARAMS, RunFiles.SPEC, RunFiles.GRAPH, RunFiles.SPEC_HASH, RunFiles.DATA,
      RunFiles.TEACHER);
  private static final double GIB = 1L << 30;
  private static final String RESTART = "rerun with --restart to keep the old files aside and start over";

  private RunChecks() {}

  /** Fails unless {@code runDir}'s checkpoint can be resumed as a run of {@code spec} with {@code config}. */
  public static void requireResumable(Path runDir, NetworkSpec spec, TrainConfig config) throws IOException {
    requireResumable(runDir, NetworkGraph.of(spec), config);
  }

  /** As {@link #requireResumable(Path, NetworkSpec, TrainConfig)} for any graph (an imported one's: by its JSON). */
  public static void requireResumable(Path runDir, NetworkGraph graph, TrainConfig config) throws IOException {
    RunDirectory dir = new RunDirectory(runDir);
    NetworkGraph saved = RunFiles.graph(runDir);
    boolean same = graph.spec().isPresent() ? saved.spec().equals(graph.spec())
        : saved.spec().isEmpty() && GraphJson.toJson(saved).equals(GraphJson.toJson(graph));
    if (!same) {
      throw new UserInputException(runDir + " holds a run of another network (" + saved.name()
          + "); choose another output folder, or " + RESTART);
    }
    try {
      CheckpointFile.read(dir.checkpointFile());
    } catch (IOException e) {
      throw new UserInputException(e.getMessage() + "; " + RESTART, e);
    }
    List<String> changes;
    try {
      changes = dir.configChanges(config);
    } catch (IOException e) {
      throw new UserInputException(e.getMessage() + "; " + RESTART, e);
    }
    if (!changes.isEmpty()) {
      throw new UserInputException(runDir + " was trained with other settings (" + String.join(", ", changes)
          + "): a resumed run keeps its own; give the recorded values, choose another output folder, or "
          + RESTART);
    }
  }

  /**
   * Fails when training {@code spec} at {@code batchSize} would need more memory than this machine has:
   * 4-byte floats for the weights, their gradients and momentum, and every activation of a batch kept
   * for the backward pass with its gradient. A lower bound, so a refused network could never have trained.
   */
  public static void requireMemory(NetworkSpec spec, int batchSize) {
    requireMemory(NetworkGraph.of(spec), batchSize);
  }

  /** As {@link #requireMemory(NetworkSpec, int)} for any graph. */
  public static void requireMemory(NetworkGraph graph, int batchSize) {
    NetworkCost cost = Accounting.of(graph);
    double bytes = 4.0 * (3.0 * cost.params() + 2.0 * batchSize * cost.activations());
    long total = physicalMemory();
    if (total > 0 && bytes > total) {
      throw new UserInputException(String.format(Locale.ROOT, "training %s at batch size %d needs at least %.1f GiB"
          + " (%,d parameters, %,d activations per image), more than this machine's %.1f GiB: reduce the widths,"
          + " blocks or input size, or the batch size", graph.name(), batchSize, bytes / GIB, cost.params(),
          cost.activations(), total / GIB));
    }
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  /** The run files of {@code runDir} that exist. */
  public static List<String> existing(Path runDir) {
    return RUN_FILES.stream().filter(f -> Files.exists(runDir.resolve(f))).toList();
  }

  /** Deletes the run files of {@code runDir} (for a user who asked to replace them). */
  public static void removeRunFiles(Path runDir) throws IOException {
    for (String f : existing(runDir)) {
      Files.delete(runDir.resolve(f));
    }
  }

  /**
   * Moves the run files of {@code runDir} into a new subfolder {@code previous-N} (nothing is deleted) and
   * returns it, or null when there were none.
   */
  public static Path moveAside(Path runDir) throws IOException {
    List<String> files = existing(runDir);
    if (files.isEmpty()) {
      return null;
    }
    Path aside;
    int n = 1;
    do {
      aside = runDir.resolve("previous-" + n++);
    } while (Files.exists(aside));
    Files.createDirectory(aside);
    for (String f : files) {
      Files.move(runDir.resolve(f), aside.resolve(f), StandardCopyOption.ATOMIC_MOVE);
    }
    return aside;
  }
}
