package io.deepreshape.cli.pipeline;

import io.deepreshape.error.UserInputException;
import io.deepreshape.train.optimize.FinishedRuns;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.cli.report.ReportContent;
import io.deepreshape.cli.report.ReportWriter;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.cli.report.TrainingCurve;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.design.BudgetDesign;
import io.deepreshape.design.Candidate;
import io.deepreshape.design.DesignRequest;
import io.deepreshape.design.DesignResult;
import io.deepreshape.design.StageOp;
import io.deepreshape.equalization.EqualizationResult;
import io.deepreshape.equalization.Equalization;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.data.SyntheticDataset;
import io.deepreshape.train.optimize.CriticalityMeasurement;
import io.deepreshape.train.optimize.StageOnlySpecs;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.ProgressLine;
import io.deepreshape.train.trainer.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import io.deepreshape.train.trainer.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;

/**
 * Runs a pipeline file stage by stage into one folder: data, baseline teacher, criticality, equalization
 * and HybReNet family, budget design, HybReNet training with distillation, the baseline methods at the
 * same budgets, and the report. Finished stages are detected from their files and skipped.
 */
public final class Pipeline {
  private final PipelineConfig c;
  private final Path out;
  private final PrintWriter log;
  private final ProgressLine progress;
  private final Profile profile;
  private final NetworkSetting network;

  public Pipeline(PipelineConfig config, Path out, PrintWriter log, ProgressLine progress) {
    this.c = config;
    this.out = out.toAbsolutePath().normalize();
    this.log = log;
    this.progress = progress;
    this.profile = Profiles.load(config.profile());
    this.network = Profiles.network(config.network());
  }

  /** Runs every stage not yet done and writes the report; returns the HTML report's path. */
  public Path run() throws IOException {
    Files.createDirectories(out);
    NetworkSpec baseline = baselineSpec();
    checkBudgets(baseline);
    DataSettings data = data();
    Path teacher = WorkUnits.baselineRun(out);
    train("baseline teacher " + baseline.name(), baseline, data, c.epochs(), c.lr(), null, teacher);

    Criticality crit = criticality(baseline, data);
    EqualizationResult eq = Equalization.equalize(baseline, crit.order(), c.fMax());
    log("equalized factors " + Arrays.toString(eq.factors()) + " (order " + crit.order().compact() + ", " + crit.source()
        + ")");
    HybReNetFamily family = HybReNetFamily.generate(baseline, crit.order(), c.fMax(), c.hybrenetWidths(), c.fMax());

    List<TrainedNetwork> trained = new ArrayList<>();
    trained.add(Results.of("baseline", baseline, 0, teacher, out, data, profile, network));
    List<PlotNetwork> distributions = new ArrayList<>(List.of(
        PlotNetwork.of("baseline", Accounting.of(baseline)),
        PlotNetwork.of("equalized " + factors(eq.factors()), Accounting.of(eq.equalized()))));
    List<PlotNetwork> space = new ArrayList<>();
    for (FamilyMember m : family.members()) {
      space.add(PlotNetwork.of(m.spec().name(), "HybReNet family", Accounting.of(m.spec())));
    }
    space.add(PlotNetwork.of(baseline.name(), "baseline", Accounting.of(baseline)));
    for (long budget : c.budgets()) {
      NetworkSpec hyb = hybrenet(baseline, crit, data, teacher, budget);
      Path run = WorkUnits.hybrenetRun(out, budget);
      trained.add(Results.of("hybrenet", hyb, budget, run, out, data, profile, network));
      distributions.add(PlotNetwork.of("HybReNet @" + budget, Accounting.of(hyb)));
      space.add(PlotNetwork.of(hyb.name(), "chosen HybReNets", Accounting.of(hyb)));
      for (String method : c.methods()) {
        Path mrun = WorkUnits.methodRun(out, method, budget);
        NetworkSpec reduced = BaselineMethods.run(method, teacher, budget, crit, data, finetune(), mrun, progress, log);
        trained.add(Results.of(method, reduced, budget, mrun, out, data, profile, network));
      }
    }
    List<TrainingCurve> curves = new ArrayList<>();
    for (TrainedNetwork t : trained) {
      String label = t.method() + (t.budget() > 0 ? " @" + t.budget() : "");
      curves.add(TrainingCurve.read(label, out.resolve(t.run()).resolve(RunDirectory.METRICS)));
    }
    ReportContent content = new ReportContent("DeepReShape pipeline: " + c.name(), c.dataset(), settings(data, crit), crit.note(),
        crit.rows(), distributions, space, trained, curves, profile.name(), notes());
    Results.write(trained, out.resolve("results.json"));
    return ReportWriter.write(content, out.resolve("report"));
  }

  /** The pipeline's independent units of work (see {@link WorkUnits}). */
  public List<WorkUnit> units() {
    return WorkUnits.of(c, baselineSpec().depth(), out);
  }

  /** Writes what every unit reads and none may write concurrently (the synthetic dataset). */
  public void prepare() throws IOException {
    checkBudgets(baselineSpec());
    Files.createDirectories(out);
    data();
  }

  /** With the default order known before any training, a budget no HybReNet fits fails now, not after the baseline. */
  private void checkBudgets(NetworkSpec baseline) throws IOException {
    if (c.criticalityEpochs() == 0) {
      for (long budget : c.budgets()) {
        design(baseline, Criticality.defaultFor(baseline.depth()).order(), budget);
      }
    }
  }

  /**
   * Runs one unit, for an executor that runs units as separate processes: fails when a unit it needs
   * is not finished. The report unit is {@link #run} with every other unit done.
   */
  public Path runUnit(String name) throws IOException {
    List<WorkUnit> all = units();
    WorkUnit unit = all.stream().filter(u -> u.name().equals(name)).findFirst()
        .orElseThrow(() -> new UserException("--unit must be one of "
            + all.stream().map(WorkUnit::name).toList() + ", was " + name));
    List<String> missing = all.stream().filter(u -> unit.needs().contains(u.group()) && !u.done()).map(WorkUnit::name)
        .toList();
    if (!missing.isEmpty()) {
      throw new UserException("unit " + name + " needs " + missing + ", which are not finished");
    }
    if (unit.done()) {
      log(name + ": done, skipped");
      return unit.doneFile();
    }
    DataSettings data = data();
    NetworkSpec baseline = baselineSpec();
    Path teacher = WorkUnits.baselineRun(out);
    switch (unit.group()) {
      case WorkUnits.BASELINE -> train("baseline teacher " + baseline.name(), baseline, data, c.epochs(), c.lr(), null,
          teacher);
      case WorkUnits.CRITICALITY -> criticalityRun(unit, baseline, data);
      case WorkUnits.HYBRENET -> hybrenet(baseline, criticality(baseline, data), data, teacher, unit.budget());
      case WorkUnits.METHODS -> BaselineMethods.run(unit.method(), teacher, unit.budget(), criticality(baseline, data),
          data, finetune(), unit.runDir(), progress, log);
      default -> {
        return run();
      }
    }
    return unit.runDir();
  }

  private NetworkSpec baselineSpec() {
    return Presets.build(c.baseline(), Dataset.parse(c.dataset()));
  }

  private NetworkSpec hybrenet(NetworkSpec baseline, Criticality crit, DataSettings data, Path teacher, long budget)
      throws IOException {
    NetworkSpec hyb = design(baseline, crit.order(), budget);
    train("HybReNet at " + budget + " ReLUs: " + hyb.name(), hyb, data, c.epochs(), c.lr(), teacher,
        WorkUnits.hybrenetRun(out, budget));
    return hyb;
  }

  /** One run of the criticality measurement, trained exactly as {@link CriticalityMeasurement} trains it. */
  private void criticalityRun(WorkUnit unit, NetworkSpec baseline, DataSettings data) throws IOException {
    NetworkSpec net = unit.stage() == 0 ? StageOnlySpecs.linear(baseline) : StageOnlySpecs.stageOnly(baseline,
        unit.stage());
    if (FinishedRuns.finishedRunOf(unit.runDir(), net)) {
      return;
    }
    boolean resume = new RunDirectory(unit.runDir()).hasCheckpoint();
    log((resume ? "resuming " : "training ") + unit.name() + " (" + net.name() + ")"
        + (resume ? " from its checkpoint" : ""));
    TrainResult r = TrainingRun.train(net, data, config(c.criticalityEpochs(), c.lr()), null, unit.runDir(), progress);
    if (r.status() != TrainResult.Status.COMPLETED) {
      throw new Interrupted(unit.name() + " was interrupted; run it again to continue");
    }
  }

  private static String factors(int[] f) {
    return "(" + String.join(",", Arrays.stream(f).mapToObj(String::valueOf).toList()) + ")";
  }

  private DataSettings data() throws IOException {
    String dir = c.data();
    if (dir == null && c.dataset().equals("synthetic")) {
      Path synth = out.resolve("data");
      if (!Files.isRegularFile(synth.resolve("meta.json"))) {
        log("writing the synthetic dataset (" + c.synthTrain() + " train, " + c.synthTest() + " test images)");
        SyntheticDataset.generate(new SyntheticConfig(10, c.synthTrain(), c.synthTest(), 32, c.seed()), synth);
      }
      dir = synth.toString();
    }
    return new DataSettings(c.dataset(), dir, c.trainSubset(), c.testSubset(), c.seed());
  }

  private Criticality criticality(NetworkSpec baseline, DataSettings data) throws IOException {
    if (c.criticalityEpochs() == 0) {
      return Criticality.defaultFor(baseline.depth());
    }
    log("measuring stage criticality (" + (baseline.depth() + 1) + " runs of " + c.criticalityEpochs() + " epochs)");
    CriticalityMeasurement.Result r = CriticalityMeasurement.run(baseline, data, config(c.criticalityEpochs(), c.lr()),
        WorkUnits.criticalityDir(out), progress, this::log);
    if (!r.complete()) {
      throw new Interrupted("criticality measurement was interrupted; run the pipeline again to continue");
    }
    return Criticality.measured(r.scores(), out.relativize(r.file().toAbsolutePath().normalize()).toString());
  }

  private NetworkSpec design(NetworkSpec baseline, CriticalityOrder order, long budget) throws IOException {
    Path file = out.resolve("specs/hybrenet-" + budget + ".yaml");
    if (Files.isRegularFile(file)) {
      return SpecIo.read(file);
    }
    DesignRequest req = new DesignRequest(baseline, order, budget, 0, 0.5, 1, 1, c.hybrenetWidths(), c.fMax(), c.fMax(),
        Arrays.asList(StageOp.values()), profile, network);
    DesignResult r = BudgetDesign.run(req, null);
    if (r.candidates().isEmpty()) {
      throw new UserInputException(noFit(baseline, order, budget));
    }
    Candidate best = r.candidates().get(0);
    NetworkSpec chosen = best.spec().withName(best.member() + "-b" + budget);
    log(String.format(Locale.ROOT, "budget %,d: chose %s (%,d ReLUs, %,d FLOPs, est. %.2f s)", budget,
        chosen.name(), best.relus(), best.flops(), best.latency().totalS()));
    SpecIo.write(chosen, file);
    return chosen;
  }

  /** Why no candidate fits {@code budget}: it is below the smallest member or more than twice the largest. */
  private String noFit(NetworkSpec baseline, CriticalityOrder order, long budget) {
    LongSummaryStatistics relus = HybReNetFamily.generate(baseline, order, c.fMax(), c.hybrenetWidths(), c.fMax())
        .members().stream().mapToLong(m -> Accounting.of(m.spec()).relus()).summaryStatistics();
    String prefix = "budgets: no HybReNet candidate fits " + budget + " ReLUs with widths " + c.hybrenetWidths()
        + " (the family has " + relus.getMin() + " to " + relus.getMax() + " ReLUs, and a candidate needs at least"
        + " half the budget); ";
    return prefix + (budget < relus.getMin() ? "raise the budget or add smaller widths (hybrenet.widths)"
        : "lower the budget or add larger widths (hybrenet.widths)");
  }

  private void train(String what, NetworkSpec spec, DataSettings data, int epochs, double lr, Path teacher, Path run)
      throws IOException {
    if (FinishedRuns.finished(run)) {
      log(what + ": done, skipped");
      return;
    }
    TrainConfig retry = config(epochs, lr / 10);
    // a run restarted at the lower rate after diverging, then interrupted, resumes at that rate
    RunDirectory dir = new RunDirectory(run);
    boolean resume = dir.hasCheckpoint();
    boolean retrying = resume && Files.isRegularFile(dir.configFile()) && dir.configChanges(retry).isEmpty();
    log((resume ? "resuming " : "training ") + what + (teacher == null ? "" : " with distillation from the baseline")
        + (resume ? " from its checkpoint" : ""));
    try {
      TrainingRun.train(spec, data, retrying ? retry : config(epochs, lr), teacher, run, progress);
    } catch (TrainingDivergedException e) {
      log(e.getMessage() + "; restarting " + what + " at learning rate " + lr / 10);
      Divergence.clearTraining(run);
      TrainingRun.train(spec, data, retry, teacher, run, progress);
    }
    if (!FinishedRuns.finished(run)) {
      throw new Interrupted(what + " was interrupted; run the pipeline again to continue");
    }
  }

  private TrainConfig finetune() {
    return config(c.finetuneEpochs(), c.finetuneLr());
  }

  private TrainConfig config(int epochs, double lr) {
    return TrainConfig.defaults().toBuilder().epochs(epochs).batchSize(c.batchSize()).learningRate(lr).seed(c.seed())
        .build();
  }

  private List<String> settings(DataSettings data, Criticality crit) {
    String dataText = c.dataset().equals("fashion-mnist") && c.data() == null
        ? "fashion-mnist (Debian package folder " + FashionMnist.DEFAULT_DIR.getFileName() + ")"
        : c.dataset();
    return List.of(
        "dataset: " + dataText + (c.trainSubset() > 0 ? ", " + c.trainSubset() + " training images" : "")
            + (c.testSubset() > 0 ? ", " + c.testSubset() + " test images" : ""),
        "baseline: " + c.baseline() + "; ReLU budgets: " + c.budgets() + "; baseline methods: " + c.methods(),
        "training: " + c.epochs() + " epochs (HybReNets and baseline), fine-tuning " + c.finetuneEpochs()
            + " epochs, batch " + c.batchSize() + ", KD from the baseline (T = 4, weight 0.9)",
        "criticality order: " + crit.order().compact() + " (" + crit.source() + ")",
        "latency: profile " + profile.name() + ", network " + network.name());
  }

  private List<String> notes() {
    return List.of(
        "Latency is the model's estimate (deepreshape profile " + profile.name() + "), not a measurement.",
        "ReLU counts include the stem ReLU, as DeepReDuce and DeepReShape count them.",
        "Accuracy is the last epoch's test top-1 of each run (runs/<name>/metrics.jsonl).");
  }

  private void log(String message) {
    log.println("[pipeline] " + message);
    log.flush();
  }

  /** A stage stopped before finishing (Ctrl-C); the pipeline can be run again to continue. */
  public static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Interrupted(String message) {
      super(message);
    }
  }
}
