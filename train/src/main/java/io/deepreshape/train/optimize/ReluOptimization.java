package io.deepreshape.train.optimize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.error.UserInputException;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.SpecModelFactory;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs one trained ReLU optimization into a run directory: plans the reduced network (DeepReDuce
 * culling and thinning, ReLU-reuse, or SNL's mask search and binarisation), persists the plan as
 * {@value PlanFile#NAME}, then fine-tunes the reduced network with knowledge distillation from the
 * teacher, starting from the teacher's weights (SNL: from the mask-trained weights). Each stage is
 * skipped when its result is already on disk, so an interrupted run resumes where it stopped.
 */
public final class ReluOptimization {
  /** Name of the SNL mask model's parameters written before fine-tuning. */
  public static final String SNL_WEIGHTS = "snl-search.params";

  /**
   * What to optimize: the teacher run (the network reduced and the weights it starts from), method, ReLU
   * budget, criticality order, data, fine-tuning config (its batch size, seed and KD settings also drive
   * SNL's search), SNL's search settings, and the run the fine-tuning distills from ({@code kdTeacherRun};
   * the teacher run itself when null). SNL's mask search always distills from the teacher run.
   */
  public record Request(Path teacherRun, Method method, long budget, CriticalityOrder order, DataSettings data,
      TrainConfig fineTune, SnlSettings snl, Path runDir, Path kdTeacherRun) {

    public Request(Path teacherRun, Method method, long budget, CriticalityOrder order, DataSettings data,
        TrainConfig fineTune, SnlSettings snl, Path runDir) {
      this(teacherRun, method, budget, order, data, fineTune, snl, runDir, null);
    }

    /** The run the fine-tuning distills from. */
    public Path distillFrom() {
      return kdTeacherRun != null ? kdTeacherRun : teacherRun;
    }
  }

  /** The plan, the fine-tuning result, and which stages were found already done. */
  public record Outcome(OptimizationPlan plan, TrainResult training, boolean planReused, boolean trainingReused,
      int warmStartArrays) {}

  private ReluOptimization() {}

  public static Outcome run(Request r, ProgressLine progress, Consumer<String> log) throws IOException {
    NetworkSpec teacher = RunFiles.spec(r.teacherRun());
    if (!FinishedRuns.finished(r.teacherRun())) {
      throw new UserInputException("teacher run " + r.teacherRun() + " has no final parameters; finish it first");
    }
    boolean planReused = PlanFile.exists(r.runDir());
    if (!planReused) {
      PlanFile.write(r.runDir(), plan(r, teacher, log));
    }
    OptimizationPlan plan = PlanFile.read(r.runDir());
    check(plan, r);
    if (planReused) {
      log.accept("plan found in " + r.runDir().resolve(PlanFile.NAME) + ": " + plan.description());
    }
    if (FinishedRuns.finished(r.runDir())) {
      log.accept("fine-tuning already finished in " + r.runDir());
      return new Outcome(plan, null, planReused, true, 0);
    }
    int warm = 0;
    if (!new RunDirectory(r.runDir()).hasCheckpoint()) {
      ModelFactory sourceFactory = plan.method() == Method.SNL ? new SnlModelFactory(teacher)
          : new SpecModelFactory(teacher);
      Path sourceParams = plan.method() == Method.SNL ? r.runDir().resolve(SNL_WEIGHTS)
          : new RunDirectory(r.teacherRun()).finalParamsFile();
      warm = WarmStart.prepare(r.runDir(), plan.spec(), r.data(), r.fineTune(), sourceFactory, sourceParams,
          DeviceSelector.select());
      log.accept("fine-tuning " + plan.spec().name() + " from the " + (plan.method() == Method.SNL
          ? "mask-trained" : "teacher's") + " weights (" + warm + " arrays) with KD from " + r.distillFrom());
    } else {
      log.accept("resuming fine-tuning in " + r.runDir());
    }
    TrainResult result = TrainingRun.train(plan.spec(), r.data(), r.fineTune(), r.distillFrom(), r.runDir(), progress);
    return new Outcome(plan, result, planReused, false, warm);
  }

  private static OptimizationPlan plan(Request r, NetworkSpec teacher, Consumer<String> log) throws IOException {
    String name = teacher.name() + "-" + r.method().key() + "-" + r.budget();
    String teacherRun = r.teacherRun().toString();
    ObjectNode details = PlanFile.details();
    switch (r.method()) {
      case DEEPREDUCE -> {
        DeepReducePlan p = DeepReducePlanner.plan(teacher, r.order(), r.budget());
        details.put("culled", p.culled().toString());
        details.put("thinned", p.thinned().toString());
        details.put("stem_culled", p.stemCulled());
        return new OptimizationPlan(r.method(), teacherRun, r.budget(), r.order().toString(), r.order().source(),
            p.label(), p.spec().withName(name), p.relus(), details);
      }
      case REUSE -> {
        ReusePlan p = ReusePlanner.plan(teacher, r.order(), r.budget());
        details.put("group_size", p.groupSize());
        details.put("stages", p.stages().toString());
        details.put("stem", p.stem());
        return new OptimizationPlan(r.method(), teacherRun, r.budget(), r.order().toString(), r.order().source(),
            p.label(), p.spec().withName(name), p.relus(), details);
      }
      case SNL -> {
        Files.createDirectories(r.runDir());
        SnlSearch.Result s = SnlSearch.run(r.teacherRun(), r.data(), r.fineTune(), r.snl(), r.budget(),
            r.runDir().resolve(SNL_WEIGHTS), log);
        SnlSelection.Result sel = SnlSelection.select(teacher, s.layers(), s.alphas(), r.budget());
        details.put("lambda", s.lambda());
        details.put("search_steps", s.steps());
        details.put("search_epochs", s.epochs());
        details.put("live_relus_at_stop", s.liveRelus());
        details.put("search_reached_budget", s.reachedBudget());
        details.put("kept_channels", sel.keptChannels());
        details.put("exact", sel.exact());
        details.put("granularity", "channel");
        String d = "SNL per-channel masks: " + sel.keptChannels() + " channels kept, " + sel.relus() + " ReLUs"
            + (sel.exact() ? " (exactly the budget)" : " (the largest count <= budget that channels allow)")
            + (s.reachedBudget() ? "" : "; the search stopped at " + s.liveRelus()
                + " live ReLUs before reaching the budget, so the budget's largest masks were kept");
        return new OptimizationPlan(r.method(), teacherRun, r.budget(), "not used", "SNL masks", d,
            sel.spec().withName(name), sel.relus(), details);
      }
      default -> throw new IllegalStateException("unknown method " + r.method());
    }
  }

  private static void check(OptimizationPlan plan, Request r) {
    if (plan.spec() == null) {
      throw new UserInputException(r.runDir() + " holds an optimization of an imported network (optimize --onnx), "
          + "not of " + r.teacherRun() + "; choose another --out or delete it");
    }
    if (plan.method() != r.method() || plan.budget() != r.budget()) {
      throw new UserInputException(r.runDir() + " holds a " + plan.method().key() + " run at " + plan.budget()
          + " ReLUs, not " + r.method().key() + " at " + r.budget() + "; choose another --out or delete it");
    }
  }
}
