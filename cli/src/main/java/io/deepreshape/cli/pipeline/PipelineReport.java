package io.deepreshape.cli.pipeline;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.cli.report.Aggregate;
import io.deepreshape.cli.report.ReportContent;
import io.deepreshape.cli.report.ReportTable;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.cli.report.TrainingCurve;
import io.deepreshape.equalization.Equalization;
import io.deepreshape.equalization.EqualizationResult;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report of a finished pipeline: its settings in words, the tables, the plots' data and the notes. */
final class PipelineReport {
  private final PipelineConfig c;
  private final Path out;
  private final Profile profile;
  private final Criticality crit;
  private final PipelineRows rows;
  private final Choices choices;

  PipelineReport(PipelineConfig c, Path out, Profile profile, Criticality crit, PipelineRows rows, Choices choices) {
    this.c = c;
    this.out = out;
    this.profile = profile;
    this.crit = crit;
    this.rows = rows;
    this.choices = choices;
  }

  ReportContent content(List<TrainedNetwork> trained) throws IOException {
    NetworkSpec baseline = Presets.build(c.baseline(), Dataset.parse(c.dataset()));
    EqualizationResult eq = Equalization.equalize(baseline, crit.order(), c.fMax());
    HybReNetFamily family = HybReNetFamily.generate(baseline, crit.order(), c.fMax(), c.hybrenetWidths(), c.fMax());
    List<PlotNetwork> distributions = new ArrayList<>(List.of(PlotNetwork.of("baseline", Accounting.of(baseline)),
        PlotNetwork.of("equalized " + factors(eq.factors()), Accounting.of(eq.equalized()))));
    List<PlotNetwork> space = new ArrayList<>();
    for (FamilyMember m : family.members()) {
      space.add(PlotNetwork.of(m.spec().name(), "HybReNet family", Accounting.of(m.spec())));
    }
    space.add(PlotNetwork.of(baseline.name(), "baseline", Accounting.of(baseline)));
    List<TrainingCurve> curves = new ArrayList<>();
    for (TrainedNetwork t : trained) {
      if (t.seed() != c.firstSeed()) {
        continue;
      }
      if (t.method().equals("hybrenet")) {
        NetworkSpec hyb = RunFiles.spec(out.resolve(t.run()));
        distributions.add(PlotNetwork.of("HybReNet @" + t.budget(), Accounting.of(hyb)));
        space.add(PlotNetwork.of(hyb.name(), "chosen HybReNets", Accounting.of(hyb)));
      }
      String label = Aggregate.what(t.method(), t.input()) + (t.budget() > 0 ? " @" + t.budget() : "");
      curves.add(TrainingCurve.read(label, out.resolve(t.run()).resolve(RunDirectory.METRICS)));
    }
    List<ReportTable> tables = new ArrayList<>();
    List<Aggregate> nets = Aggregate.of(trained);
    for (long budget : c.budgets()) {
      tables.add(selection(nets, budget));
    }
    tables.add(designChoices());
    return new ReportContent("DeepReShape pipeline: " + c.name(), c.dataset(), settings(), crit.note(), crit.rows(),
        distributions, space, trained, curves, profile.name(), notes(), tables);
  }

  /** Rows: the HybReNet stage plan and each ReLU optimization; columns: the input networks. */
  private ReportTable selection(List<Aggregate> nets, long budget) {
    List<String> header = new ArrayList<>(List.of("optimization"));
    c.inputs().forEach(header::add);
    List<List<String>> table = new ArrayList<>();
    List<String> stage = new ArrayList<>(List.of("HybReNet stage plan (design step)"));
    for (String input : c.inputs()) {
      stage.add(input.equals("hybrenet") ? cell(find(nets, "hybrenet", "hybrenet", budget)) : "n/a");
    }
    table.add(stage);
    for (String method : c.methods()) {
      List<String> row = new ArrayList<>(List.of(method));
      for (String input : c.inputs()) {
        row.add(cell(find(nets, method, input, budget)));
      }
      table.add(row);
    }
    String latency = c.latency().equals("measured") ? "measured on the engine" : "estimated (" + profile.name() + ")";
    return new ReportTable(String.format(Locale.ROOT, "Network selection at %,d ReLUs", budget),
        "Test top-1, mean over seeds with its range (min-max), then the ReLUs and the PI latency " + latency
            + ". The stage plan applies to the chosen HybReNet only; n/a: not applicable, or the input network "
            + "already has no more ReLUs than the budget.", header, table);
  }

  private static Optional<Aggregate> find(List<Aggregate> nets, String method, String input, long budget) {
    return nets.stream().filter(a -> a.method().equals(method) && a.input().equals(input) && a.budget() == budget)
        .findFirst();
  }

  private static String cell(Optional<Aggregate> a) {
    return a.map(x -> String.format(Locale.ROOT, "%s; %,d ReLUs; %.2f s", x.accuracyText(), x.relus(), x.latencyS()))
        .orElse("n/a");
  }

  private ReportTable designChoices() {
    List<List<String>> table = new ArrayList<>();
    for (Choices.Choice ch : choices.budgets()) {
      for (int i = 0; i < ch.candidates().size(); i++) {
        Choices.Entry e = ch.candidates().get(i);
        table.add(List.of(String.format(Locale.ROOT, "%,d", ch.budget()), e.network(), e.plan(),
            String.format(Locale.ROOT, "%,d", e.relus()), String.format(Locale.ROOT, "%.2f", e.estLatencyS()),
            String.format(Locale.ROOT, "%.2f%%", 100 * e.valTop1()), i == ch.chosen() ? "kept" : ""));
      }
    }
    return new ReportTable("Design candidates", "The design step's candidates at each budget (the fastest of each "
        + "width first), trained from scratch with seed " + c.firstSeed() + "; the most accurate on the validation split ("
        + String.format(Locale.ROOT, "%,d", c.validation()) + " training images held out) is kept. From choices.json.",
        List.of("budget", "candidate", "stage plan", "ReLUs", "est. latency (s)", "val top-1", ""), table);
  }

  private List<String> settings() {
    String dataText = c.dataset().equals("fashion-mnist") && c.data() == null
        ? "fashion-mnist (Debian package folder " + FashionMnist.DEFAULT_DIR.getFileName() + ")"
        : c.dataset();
    return List.of(
        "dataset: " + dataText + (c.trainSubset() > 0 ? ", " + c.trainSubset() + " training images" : "")
            + (c.testSubset() > 0 ? ", " + c.testSubset() + " test images" : "") + "; " + String.format(Locale.ROOT,
                "%,d", c.validation()) + " training images held out as the validation split, which decides every "
            + "choice; the test split is evaluated once per network, for this report",
        "baseline: " + c.baseline() + "; ReLU budgets: " + c.budgets() + "; input networks: " + c.inputs()
            + "; ReLU optimizations: " + c.methods() + " on every input network, and the HybReNet's own stage plan",
        "equal training: every network is trained " + c.epochs() + " epochs counted from random initialisation "
            + "(the epochs column counts them from the run files): input networks " + c.inputEpochs()
            + " epochs with all their ReLUs, then " + c.finetuneEpochs() + " of fine-tuning for each ReLU "
            + "optimization" + snlSplit() + "; the teacher and the HybReNets with their stage plans train all "
            + c.epochs() + " from scratch",
        "teacher rule: every network but the teacher distills from its seed's teacher, the baseline with all its "
            + "ReLUs trained " + c.epochs() + " epochs (KD T = 4, weight 0.9); SNL's mask search distills from its "
            + "input network; batch " + c.batchSize() + ", learning rate " + c.lr() + " (fine-tuning " + c.finetuneLr()
            + ")",
        "seeds: " + c.seeds() + " (everything is trained once per seed; the design's candidates with seed "
            + c.firstSeed() + ", whose choice the other seeds retrain); a claim is held or not held only when the "
            + "seeds' accuracy ranges do not overlap, and within noise otherwise",
        "criticality order: " + crit.order().compact() + " (" + crit.source() + ")",
        "latency: " + (c.latency().equals("measured") ? "measured on the engine (one secure inference per network, "
            + "TCP loopback, offline + online)" : "estimated") + "; estimates from profile " + profile.name());
  }

  private String snlSplit() {
    if (!c.methods().contains("snl")) {
      return "";
    }
    int search = BaselineMethods.snlSearchEpochs(c.finetuneEpochs());
    return " (SNL: up to " + search + " of mask search, then " + (c.finetuneEpochs() - search) + " of fine-tuning)";
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>(List.of(
        "ReLU counts include the stem ReLU, as DeepReDuce and DeepReShape count them.",
        "Test top-1 is each run's final model evaluated once on the test split (runs/.../test.json); validation "
            + "top-1 is its last epoch's (metrics.jsonl)."));
    notes.addAll(rows.absent());
    return notes;
  }

  private static String factors(int[] f) {
    return "(" + String.join(",", Arrays.stream(f).mapToObj(String::valueOf).toList()) + ")";
  }
}
