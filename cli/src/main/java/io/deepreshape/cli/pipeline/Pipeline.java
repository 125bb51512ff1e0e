package io.deepreshape.cli.pipeline;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.report.ReportWriter;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.design.Candidate;
import io.deepreshape.error.UserInputException;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.data.SyntheticDataset;
import io.deepreshape.train.optimize.CriticalityMeasurement;
import io.deepreshape.train.optimize.FinishedRuns;
import io.deepreshape.train.optimize.StageOnlySpecs;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import io.deepreshape.train.trainer.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;

/**
 * Runs a pipeline file unit by unit into one folder (see {@link WorkUnits}): per seed a baseline teacher;
 * criticality on the validation split; at each budget the design's top candidates, trained from scratch,
 * the most accurate on validation kept; the input networks with all their ReLUs; every ReLU optimization
 * on every input network; the engine's latency of every final network; and the report. Every final
 * network trains the same number of epochs from random initialisation, and every network but the
 * teacher distills from its seed's teacher. Finished units are detected from their files and skipped.
 */
public final class Pipeline {
  private final PipelineConfig c;
  private final Path out;
  private final PrintWriter log;
  private final ProgressLine progress;
  private final Profile profile;
  private final NetworkSetting network;
  private Criticality crit;
  /** The design's candidates per budget under the criticality order in use (a pure function of the config). */
  private final Map<Long, List<Candidate>> candidates = new HashMap<>();
  /** Made once every candidate has finished (units that read it need the candidates group). */
  private Choices choices;

  public Pipeline(PipelineConfig config, Path out, PrintWriter log, ProgressLine progress) {
    this.c = config;
    this.out = out.toAbsolutePath().normalize();
    this.log = log;
    this.progress = progress;
    this.profile = Profiles.load(config.profile());
    this.network = Profiles.network(config.network());
  }

  /** Runs every unit not yet done and writes the report; returns the HTML report's path. */
  public Path run() throws IOException {
    prepare();
    for (WorkUnit u : units()) {
      if (!u.group().equals(WorkUnits.REPORT) && !u.group().equals(WorkUnits.CRITICALITY)) {
        runOne(u);
      }
    }
    return report();
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
    if (unit.group().equals(WorkUnits.REPORT)) {
      return run();
    }
    runOne(unit);
    return unit.runDir();
  }

  private void runOne(WorkUnit u) throws IOException {
    if (u.done()) {
      log(u.name() + ": done, skipped");
      return;
    }
    DataSettings data = data();
    switch (u.group()) {
      case WorkUnits.TEACHER -> train("baseline teacher (seed " + u.seed() + ")", baselineSpec(), data, c.epochs(),
          c.lr(), u.seed(), null, u.runDir());
      case WorkUnits.CRITICALITY -> criticalityRun(u, baselineSpec(), data);
      case WorkUnits.CANDIDATES -> candidate(u, data);
      case WorkUnits.INPUTS -> {
        if (u.input() == null) {
          NetworkSpec chosen = RunFiles.spec(out.resolve(choice(u.budget()).winner().run()));
          train("HybReNet at " + u.budget() + " ReLUs " + chosen.name() + " (seed " + u.seed() + ")", chosen, data,
              c.epochs(), c.lr(), u.seed(), teacher(u.seed()), u.runDir());
        } else {
          NetworkSpec in = inputSpec(u.input(), u.budget());
          train("input network " + in.name() + " (seed " + u.seed() + ")", in, data, c.inputEpochs(), c.lr(),
              u.seed(), teacher(u.seed()), u.runDir());
        }
      }
      case WorkUnits.METHODS -> method(u, data);
      default -> throw new IllegalStateException("unknown unit group " + u.group());
    }
  }

  private Path report() throws IOException {
    Choices choices = choices();
    PipelineRows rows = new PipelineRows(c, out, profile, network);
    EngineLatency latency = c.latency().equals("measured") ? new EngineLatency(out, this::log) : null;
    List<TrainedNetwork> trained = rows.collect(this::choice, latency);
    Results.write(trained, out.resolve("results.json"));
    return ReportWriter.write(new PipelineReport(c, out, profile, criticality(), rows, choices).content(trained),
        out.resolve("report"));
  }

  private NetworkSpec baselineSpec() {
    return Presets.build(c.baseline(), Dataset.parse(c.dataset()));
  }

  private Path teacher(long seed) {
    return WorkUnits.teacherRun(out, seed);
  }

  /** With the default order known before any training, a budget no HybReNet fits fails now, not after the baseline. */
  private void checkBudgets(NetworkSpec baseline) {
    if (c.criticalityEpochs() == 0) {
      for (long budget : c.budgets()) {
        requireCandidates(baseline, Criticality.defaultFor(baseline.depth()).order(), budget);
      }
    }
  }

  private List<Candidate> requireCandidates(NetworkSpec baseline, CriticalityOrder order, long budget) {
    List<Candidate> cands = DesignCandidates.propose(baseline, order, budget, c, profile, network);
    if (cands.isEmpty()) {
      throw new UserInputException(noFit(baseline, order, budget));
    }
    return cands;
  }

  private List<Candidate> candidates(long budget) {
    return candidates.computeIfAbsent(budget, b -> requireCandidates(baselineSpec(), criticality().order(), b));
  }

  /** One design candidate, trained from scratch for all the epochs with the first seed. */
  private void candidate(WorkUnit u, DataSettings data) throws IOException {
    List<Candidate> cands = candidates(u.budget());
    if (u.index() >= cands.size()) {
      Absent.mark(u.runDir(), "the design proposed " + cands.size() + " candidates at " + u.budget() + " ReLUs");
      return;
    }
    Candidate cand = cands.get(u.index());
    NetworkSpec spec = DesignCandidates.spec(cand, u.index(), u.budget());
    log(String.format(java.util.Locale.ROOT, "budget %,d: candidate %d %s (%s, %,d ReLUs, est. %.2f s)", u.budget(),
        u.index() + 1, spec.name(), cand.plan().label(), cand.relus(), cand.latency().totalS()));
    train("HybReNet candidate " + spec.name(), spec, data, c.epochs(), c.lr(), u.seed(), teacher(u.seed()),
        u.runDir());
  }

  /** The design choice at {@code budget}, made from the candidates' validation accuracy (and recorded). */
  Choices.Choice choice(long budget) throws IOException {
    return choices().budgets().stream().filter(ch -> ch.budget() == budget).findFirst().orElseThrow();
  }

  /** The design choices at every budget, from the finished candidates; written to choices.json. */
  private Choices choices() throws IOException {
    if (choices == null) {
      choices = makeChoices();
      choices.write(WorkUnits.choicesFile(out));
    }
    return choices;
  }

  private Choices makeChoices() throws IOException {
    Map<Long, Choices.Choice> all = new LinkedHashMap<>();
    for (long b : c.budgets()) {
      List<Choices.Entry> entries = new ArrayList<>();
      List<Candidate> cands = candidates(b);
      for (int i = 0; i < cands.size(); i++) {
        Path run = WorkUnits.candidateRun(out, b, i);
        if (!FinishedRuns.finished(run)) {
          throw new IllegalStateException("candidate " + run + " is not finished");
        }
        entries.add(PipelineRows.entry(run, out, cands.get(i), profile, network));
      }
      all.put(b, Choices.Choice.of(b, c.firstSeed(), entries));
    }
    Criticality crit = criticality();
    return new Choices(crit.order().compact(), crit.source(), c.validation(), List.copyOf(all.values()));
  }

  private NetworkSpec inputSpec(String input, long budget) throws IOException {
    if (input.equals("baseline")) {
      return baselineSpec();
    }
    Map<String, FamilyMember> members = new LinkedHashMap<>();
    family().members().forEach(m -> members.put(m.spec().name(), m));
    String name = input.equals("hybrenet") ? choice(budget).winner().member() : input;
    FamilyMember m = members.get(name);
    if (m == null) {
      throw new UserInputException("pipeline field inputs: " + name + " is not a member of the HybReNet family; "
          + "members are " + members.keySet());
    }
    return m.spec();
  }

  private HybReNetFamily family() {
    return HybReNetFamily.generate(baselineSpec(), criticality().order(), c.fMax(), c.hybrenetWidths(), c.fMax());
  }

  /** One ReLU optimization of one input network, fine-tuned for the epochs its input network left. */
  private void method(WorkUnit u, DataSettings data) throws IOException {
    Path input = WorkUnits.inputRun(out, u.seed(), u.input(), u.budget());
    long relus = Accounting.of(RunFiles.spec(input)).relus();
    if (relus <= u.budget()) {
      Absent.mark(u.runDir(), String.format(java.util.Locale.ROOT,
          "the input network already has %,d ReLUs, no more than the budget", relus));
      return;
    }
    TrainConfig fine = config(c.finetuneEpochs(), c.finetuneLr(), u.seed());
    BaselineMethods.run(u.method(), input, teacher(u.seed()), u.budget(), criticality(), data, fine, u.runDir(),
        progress, log);
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
    TrainResult r = TrainingRun.train(net, data, config(c.criticalityEpochs(), c.lr(), c.firstSeed()), null,
        unit.runDir(), progress);
    if (r.status() != TrainResult.Status.COMPLETED) {
      throw new Interrupted(unit.name() + " was interrupted; run it again to continue");
    }
  }

  DataSettings data() throws IOException {
    String dir = c.data();
    if (dir == null && c.dataset().equals("synthetic")) {
      Path synth = out.resolve("data");
      if (!Files.isRegularFile(synth.resolve("meta.json"))) {
        log("writing the synthetic dataset (" + c.synthTrain() + " train, " + c.synthTest() + " test images)");
        SyntheticDataset.generate(new SyntheticConfig(10, c.synthTrain(), c.synthTest(), 32, c.firstSeed()), synth);
      }
      dir = synth.toString();
    }
    return new DataSettings(c.dataset(), dir, c.trainSubset(), c.testSubset(), c.firstSeed(), c.validation());
  }

  private Criticality criticality() {
    if (crit == null) {
      crit = measureCriticality();
    }
    return crit;
  }

  private Criticality measureCriticality() {
    NetworkSpec baseline = baselineSpec();
    if (c.criticalityEpochs() == 0) {
      return Criticality.defaultFor(baseline.depth());
    }
    try {
      log("stage criticality (" + (baseline.depth() + 1) + " runs of " + c.criticalityEpochs() + " epochs, scored on"
          + " the validation split)");
      CriticalityMeasurement.Result r = CriticalityMeasurement.run(baseline, data(),
          config(c.criticalityEpochs(), c.lr(), c.firstSeed()), WorkUnits.criticalityDir(out), progress, this::log);
      if (!r.complete()) {
        throw new Interrupted("criticality measurement was interrupted; run the pipeline again to continue");
      }
      return Criticality.measured(r.scores(), out.relativize(r.file().toAbsolutePath().normalize()).toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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

  private void train(String what, NetworkSpec spec, DataSettings data, int epochs, double lr, long seed, Path teacher,
      Path run) throws IOException {
    if (FinishedRuns.finished(run)) {
      log(what + ": done, skipped");
      return;
    }
    TrainConfig retry = config(epochs, lr / 10, seed);
    // a run restarted at the lower rate after diverging, then interrupted, resumes at that rate
    RunDirectory dir = new RunDirectory(run);
    boolean resume = dir.hasCheckpoint();
    boolean retrying = resume && Files.isRegularFile(dir.configFile()) && dir.configChanges(retry).isEmpty();
    log((resume ? "resuming " : "training ") + what + (teacher == null ? "" : " with distillation from the teacher")
        + (resume ? " from its checkpoint" : ""));
    try {
      TrainingRun.train(spec, data, retrying ? retry : config(epochs, lr, seed), teacher, run, progress);
    } catch (TrainingDivergedException e) {
      log(e.getMessage() + "; restarting " + what + " at learning rate " + lr / 10);
      Divergence.clearTraining(run);
      TrainingRun.train(spec, data, retry, teacher, run, progress);
    }
    if (!FinishedRuns.finished(run)) {
      throw new Interrupted(what + " was interrupted; run the pipeline again to continue");
    }
  }

  private TrainConfig config(int epochs, double lr, long seed) {
    return TrainConfig.defaults().toBuilder().epochs(epochs).batchSize(c.batchSize()).learningRate(lr).seed(seed)
        .build();
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
