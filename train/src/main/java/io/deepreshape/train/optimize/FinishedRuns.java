package io.deepreshape.train.optimize;

import io.deepreshape.error.UserInputException;

import io.deepreshape.graph.GraphJson;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a run directory says about itself: finished or not, of which spec, with which final test accuracy. */
public final class FinishedRuns {
  private FinishedRuns() {}

  /** Whether the run wrote its final parameters. */
  public static boolean finished(Path runDir) {
    return Files.isRegularFile(new RunDirectory(runDir).finalParamsFile());
  }

  /**
   * Whether {@code runDir} holds a finished run of {@code spec}; fails when it holds a run (finished or
   * not) of another network, so a measurement never mixes results of different networks.
   */
  public static boolean finishedRunOf(Path runDir, NetworkSpec spec) {
    if (!Files.isRegularFile(runDir.resolve(RunFiles.SPEC))) {
      return false;
    }
    NetworkSpec saved = RunFiles.spec(runDir);
    if (!saved.equals(spec)) {
      throw new UserInputException(runDir + " holds a run of another network (" + saved.name()
          + ", expected " + spec.name() + "); choose another output folder or delete it");
    }
    return finished(runDir);
  }

  /** As {@link #finishedRunOf(Path, NetworkSpec)} for any graph (an imported one's: its {@code graph.json}). */
  public static boolean finishedRunOf(Path runDir, NetworkGraph graph) {
    if (graph.spec().isPresent()) {
      return finishedRunOf(runDir, graph.spec().get());
    }
    if (!Files.isRegularFile(runDir.resolve(RunFiles.GRAPH))) {
      return false;
    }
    NetworkGraph saved = RunFiles.graph(runDir);
    if (!GraphJson.toJson(saved).equals(GraphJson.toJson(graph))) {
      throw new UserInputException(runDir + " holds a run of another network (" + saved.name()
          + ", expected " + graph.name() + "); choose another output folder or delete it");
    }
    return finished(runDir);
  }

  /**
   * Top-1 of the final model in [0, 1] on the split its epochs were evaluated on (validation when the
   * run has one, else test): the last epoch's metric, or a fresh test evaluation on {@code data} when
   * the run recorded none.
   */
  public static double finalEvalTop1(Path runDir, DataSettings data) throws IOException {
    List<EpochMetrics> metrics = new RunDirectory(runDir).readMetrics();
    if (!metrics.isEmpty() && metrics.get(metrics.size() - 1).evalTop1() != null) {
      return metrics.get(metrics.size() - 1).evalTop1();
    }
    return TrainingRun.evaluate(runDir, data).top1();
  }
}
