package io.deepreshape.train.optimize;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A ReLU optimization of a pretrained network that was imported rather than trained here: its graph
 * and weights become a finished teacher run in {@code RUN_DIR/teacher} (its {@code graph.json} and
 * {@code final.params}); then the reduction is planned on the graph's stages and the reduced network
 * fine-tuned with distillation from that teacher into {@code RUN_DIR}, its {@code graph.json} the
 * result. SNL: the mask search and the binarisation to the budget, fine-tuning from the mask-trained
 * weights. DeepReDuce and reuse: the criticality order given, or measured on the imported network
 * as DeepReDuce measures it ({@link CriticalityMeasurement} in {@code RUN_DIR/criticality}), the plan
 * and its fill to the budget ({@link ImportedPlans}), fine-tuning from the imported weights. The plan
 * is saved as {@value PlanFile#NAME}; each stage is skipped when its result is on disk, so an
 * interrupted run resumes.
 */
public final class ImportedOptimization {
  /** The teacher run's folder inside the result. */
  public static final String TEACHER = "teacher";
  /** The criticality measurement's folder inside the result. */
  public static final String CRITICALITY = "criticality";

  /**
   * What to optimize: the imported network and its weights, the method and budget, the criticality
   * order (deepreduce and reuse; null: measure it), data, the fine-tuning config (also the measurement's
   * and SNL's search's batch size, seed and epochs), SNL's search settings and the result folder.
   */
  public record Request(NetworkGraph graph, WeightSource weights, Method method, long budget, CriticalityOrder order,
      DataSettings data, TrainConfig fineTune, SnlSettings snl, Path runDir) {}

  /**
   * The reduced graph (null when the measurement stopped), its ReLUs, whether they equal the budget, the
   * plan, the fine-tuning (null when already done) and whether everything finished.
   */
  public record Outcome(NetworkGraph reduced, long relus, boolean exact, OptimizationPlan plan, TrainResult training,
      boolean complete) {}

  private ImportedOptimization() {}

  public static Outcome run(Request r, ProgressLine progress, Consumer<String> log) throws IOException {
    Path runDir = r.runDir();
    Path teacher = runDir.resolve(TEACHER);
    importTeacher(r.graph(), r.weights(), r.data(), teacher, log);
    OptimizationPlan saved = PlanFile.exists(runDir) ? PlanFile.read(runDir) : null;
    if (saved != null && saved.spec() != null) {
      throw new UserInputException(runDir + " holds an optimization of the run " + saved.teacherRun()
          + ", not of an imported network; choose another --out or delete it");
    }
    if (saved != null && (saved.method() != r.method() || saved.budget() != r.budget())) {
      throw new UserInputException(runDir + " holds a " + saved.method().key() + " run at " + saved.budget()
          + " ReLUs, not " + r.method().key() + " at " + r.budget() + "; choose another --out or delete it");
    }
    RunDirectory dir = new RunDirectory(runDir);
    NetworkGraph reduced;
    OptimizationPlan plan;
    if (Files.isRegularFile(runDir.resolve(RunFiles.GRAPH)) && (dir.hasCheckpoint() || FinishedRuns.finished(runDir))) {
      reduced = RunFiles.graph(runDir);
      plan = saved;
      log.accept("reduced network found in " + runDir.resolve(RunFiles.GRAPH)
          + (plan == null ? "" : ": " + plan.description()));
    } else {
      NetworkGraph teacherGraph = RunFiles.graph(teacher);
      Planned p = r.method() == Method.SNL ? snl(r, teacher, teacherGraph, log) : coarse(r, teacher, teacherGraph,
          progress, log);
      if (p == null) {
        return new Outcome(null, 0, false, null, null, false);
      }
      reduced = p.graph();
      plan = p.plan();
      PlanFile.write(runDir, plan);
      log.accept("plan: " + plan.description());
      int warm = WarmStart.prepare(runDir, reduced, r.data(), r.fineTune(), p.sourceFactory(), p.source(),
          DeviceSelector.select());
      log.accept("fine-tuning " + reduced.name() + " from the " + (r.method() == Method.SNL ? "mask-trained"
          : "imported") + " weights (" + warm + " arrays) with KD from " + teacher);
    }
    long relus = Accounting.of(reduced).relus();
    if (FinishedRuns.finished(runDir)) {
      return new Outcome(reduced, relus, relus == r.budget(), plan, null, true);
    }
    TrainResult t = TrainingRun.train(reduced, r.data(), r.fineTune(), teacher, runDir, progress);
    return new Outcome(reduced, relus, relus == r.budget(), plan, t, t.status() == TrainResult.Status.COMPLETED);
  }

  /** A planned reduced graph, its plan, and the model and parameters its fine-tuning starts from. */
  private record Planned(NetworkGraph graph, OptimizationPlan plan, ModelFactory sourceFactory, Path source) {}

  private static void importTeacher(NetworkGraph graph, WeightSource weights, DataSettings data, Path teacher,
      Consumer<String> log) throws IOException {
    if (FinishedRuns.finished(teacher)) {
      return;
    }
    RunFiles.write(teacher, graph, data);
    try (ModelHandle h = GraphModelFactory.withWeights(graph, weights, Device.cpu())) {
      AtomicFiles.write(new RunDirectory(teacher).finalParamsFile(), h::saveParameters);
    }
    log.accept("imported " + graph.name() + " as the teacher run " + teacher);
  }

  private static Planned snl(Request r, Path teacher, NetworkGraph teacherGraph, Consumer<String> log)
      throws IOException {
    Path masks = r.runDir().resolve(ReluOptimization.SNL_WEIGHTS);
    SnlSearch.Result s = SnlSearch.run(teacher, r.data(), r.fineTune(), r.snl(), r.budget(), masks, log);
    SnlSelection.GraphResult sel = SnlSelection.select(teacherGraph, s.layers(), s.alphas(), r.budget());
    NetworkGraph reduced = sel.graph().renamed(r.graph().name() + "-snl-" + r.budget());
    ObjectNode details = PlanFile.details();
    details.put("lambda", s.lambda());
    details.put("search_epochs", s.epochs());
    details.put("live_relus_at_stop", s.liveRelus());
    details.put("exact", sel.exact());
    details.put("granularity", "channel");
    String d = "SNL per-channel masks: " + sel.relus() + " ReLUs" + (sel.exact() ? " (exactly the budget)"
        : " (the largest count <= budget that channels allow)");
    OptimizationPlan plan = new OptimizationPlan(Method.SNL, teacher.toString(), r.budget(), "not used", "SNL masks",
        d, null, sel.relus(), details);
    // the mask model's parameters: the fine-tuning copies its convolutions and norms, masks left out
    return new Planned(reduced, plan, new SnlModelFactory(teacherGraph), masks);
  }

  private static Planned coarse(Request r, Path teacher, NetworkGraph teacherGraph, ProgressLine progress,
      Consumer<String> log) throws IOException {
    CriticalityOrder order = r.order();
    if (order == null) {
      Path dir = r.runDir().resolve(CRITICALITY);
      log.accept("measuring the criticality of " + teacherGraph.name() + "'s " + teacherGraph.depth()
          + " stages in " + dir + " (DeepReDuce: the all-linear network and each stage alone, from scratch)");
      CriticalityMeasurement.Result m = CriticalityMeasurement.run(teacherGraph, r.data(), r.fineTune(), dir,
          progress, log);
      if (!m.complete()) {
        return null;
      }
      order = m.scores().order("measured on " + teacherGraph.name() + " in " + m.file());
    }
    ImportedPlans.Planned p = ImportedPlans.plan(r.method(), teacherGraph, order, r.budget(), teacher.toString());
    return new Planned(p.graph(), p.plan(), new GraphModelFactory(teacherGraph),
        new RunDirectory(teacher).finalParamsFile());
  }
}
