package io.deepreshape.train.optimize;

import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.criticality.StageAccuracy;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures ReLU criticality as DeepReDuce does (Jha et al., ICML 2021; DEEPRESHAPE.md section 4):
 * trains the all-linear network and, for each stage k, the network in which only stage k keeps its
 * ReLUs, each from scratch in its own run directory ({@code linear}, {@code S1} .. {@code SD} under
 * the output folder), and writes the scores {@code C_k = A_k - A_lin} to {@value #FILE} in the
 * {@link CriticalityIo} format. Finished runs are reused, interrupted ones resume, so re-running an
 * interrupted measurement trains only what is missing. A spec's network and an imported one (its
 * stages from the graph) are measured alike.
 */
public final class CriticalityMeasurement {
  /** Name of the criticality file written in the output folder. */
  public static final String FILE = "criticality.json";
  /** Name of the all-linear run directory. */
  public static final String LINEAR_RUN = "linear";

  /** One trained network of the measurement: label ({@code linear}, {@code S1}, ...), folder, accuracy in %. */
  public record StageRun(String label, Path runDir, NetworkGraph network, double accuracy, boolean reused) {}

  /**
   * Outcome: the scores and file when every run finished; {@code complete == false} when a run was
   * stopped (Ctrl-C) and the measurement must be resumed.
   */
  public record Result(boolean complete, List<StageRun> runs, CriticalityScores scores, Path file) {}

  private CriticalityMeasurement() {}

  /** The run directory of stage {@code k} (from 1) under {@code outDir}. */
  public static Path stageRunDir(Path outDir, int k) {
    return outDir.resolve("S" + k);
  }

  /**
   * Trains (or reuses) the D + 1 networks and writes {@code outDir/criticality.json}.
   *
   * @param log receives one line per run (started, resumed, reused, finished)
   */
  public static Result run(NetworkSpec spec, DataSettings data, TrainConfig config, Path outDir, ProgressLine progress,
      Consumer<String> log) throws IOException {
    return run(NetworkGraph.of(spec), data, config, outDir, progress, log);
  }

  /** As {@link #run(NetworkSpec, DataSettings, TrainConfig, Path, ProgressLine, Consumer)} for any graph. */
  public static Result run(NetworkGraph graph, DataSettings data, TrainConfig config, Path outDir,
      ProgressLine progress, Consumer<String> log) throws IOException {
    List<StageRun> runs = new ArrayList<>();
    StageRun linear = trainOne(LINEAR_RUN, StageOnlySpecs.linear(graph), data, config, outDir.resolve(LINEAR_RUN),
        progress, log);
    if (linear == null) {
      return new Result(false, runs, null, null);
    }
    runs.add(linear);
    List<StageAccuracy> stages = new ArrayList<>();
    for (int k = 1; k <= graph.depth(); k++) {
      StageRun r = trainOne("S" + k, StageOnlySpecs.stageOnly(graph, k), data, config, stageRunDir(outDir, k),
          progress, log);
      if (r == null) {
        return new Result(false, runs, null, null);
      }
      runs.add(r);
      stages.add(new StageAccuracy(k, r.accuracy()));
    }
    CriticalityScores scores = new CriticalityScores(graph.name(), data.dataset(), linear.accuracy(), stages);
    Path file = outDir.resolve(FILE);
    CriticalityIo.write(scores, file);
    return new Result(true, runs, scores, file);
  }

  private static StageRun trainOne(String label, NetworkGraph net, DataSettings data, TrainConfig config, Path runDir,
      ProgressLine progress, Consumer<String> log) throws IOException {
    if (FinishedRuns.finishedRunOf(runDir, net)) {
      double acc = percent(FinishedRuns.finalEvalTop1(runDir, data));
      log.accept(label + ": finished run found in " + runDir + ", reused");
      return new StageRun(label, runDir, net, acc, true);
    }
    log.accept(label + ": training " + net.name() + " in " + runDir);
    TrainResult result = TrainingRun.train(net, data, config, null, runDir, progress);
    if (result.status() != TrainResult.Status.COMPLETED) {
      log.accept(label + ": stopped; run the same command again to resume");
      return null;
    }
    return new StageRun(label, runDir, net, percent(FinishedRuns.finalEvalTop1(runDir, data)), false);
  }

  private static double percent(double fraction) {
    return Math.max(0, Math.min(100, 100 * fraction));
  }
}
