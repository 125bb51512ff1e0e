package io.deepreshape.train.optimize;

import ai.djl.Device;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * SNL on a pretrained network that was imported rather than trained here: its graph and weights
 * become a finished teacher run in {@code RUN_DIR/teacher} (its {@code graph.json} and {@code
 * final.params}), then the mask search, the binarisation to the budget and the distilled fine-tuning
 * run as for a trained teacher, the reduced network kept as the result's {@code graph.json}. Each
 * stage is skipped when its result is on disk, so an interrupted run resumes.
 */
public final class ImportedOptimization {
  /** The teacher run's folder inside the result. */
  public static final String TEACHER = "teacher";

  /** The reduced graph, its ReLUs, whether they equal the budget, and the fine-tuning (null when already done). */
  public record Outcome(NetworkGraph reduced, long relus, boolean exact, TrainResult training) {}

  private ImportedOptimization() {}

  public static Outcome run(NetworkGraph graph, WeightSource weights, long budget, DataSettings data,
      TrainConfig fineTune, SnlSettings snl, Path runDir, ProgressLine progress, Consumer<String> log)
      throws IOException {
    Path teacher = runDir.resolve(TEACHER);
    if (!FinishedRuns.finished(teacher)) {
      RunFiles.write(teacher, graph, data);
      try (ModelHandle h = GraphModelFactory.withWeights(graph, weights, Device.cpu())) {
        AtomicFiles.write(new RunDirectory(teacher).finalParamsFile(), h::saveParameters);
      }
      log.accept("imported " + graph.name() + " as the teacher run " + teacher);
    }
    NetworkGraph reduced;
    boolean exact;
    RunDirectory dir = new RunDirectory(runDir);
    if (Files.isRegularFile(runDir.resolve(RunFiles.GRAPH)) && (dir.hasCheckpoint() || FinishedRuns.finished(runDir))) {
      reduced = RunFiles.graph(runDir);
      exact = Accounting.of(reduced).relus() == budget;
      log.accept("reduced network found in " + runDir.resolve(RunFiles.GRAPH));
    } else {
      Path masks = runDir.resolve(ReluOptimization.SNL_WEIGHTS);
      SnlSearch.Result s = SnlSearch.run(teacher, data, fineTune, snl, budget, masks, log);
      NetworkGraph teacherGraph = RunFiles.graph(teacher);
      SnlSelection.GraphResult sel = SnlSelection.select(teacherGraph, s.layers(), s.alphas(), budget);
      reduced = sel.graph().renamed(graph.name() + "-snl-" + budget);
      exact = sel.exact();
      int warm = WarmStart.prepare(runDir, reduced, data, fineTune, new SnlModelFactory(teacherGraph), masks,
          DeviceSelector.select());
      log.accept("fine-tuning " + reduced.name() + " (" + sel.relus() + " ReLUs) from the mask-trained weights ("
          + warm + " arrays) with KD from " + teacher);
    }
    long relus = Accounting.of(reduced).relus();
    if (FinishedRuns.finished(runDir)) {
      return new Outcome(reduced, relus, exact, null);
    }
    TrainResult r = TrainingRun.train(reduced, data, fineTune, teacher, runDir, progress);
    return new Outcome(reduced, relus, exact, r);
  }
}
