package io.deepreshape.cli.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Table;
import io.deepreshape.cli.design.CriticalityCommand;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.optimize.CriticalityMeasurement;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.progress.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code criticality}: measures ReLU criticality as DeepReDuce does (Jha et al., ICML 2021;
 * DEEPRESHAPE.md section 4) when given a network and {@code --out}; given only a file (or nothing),
 * shows it (or the default order) exactly as the design commands' viewer does.
 */
@Command(name = "criticality", mixinStandardHelpOptions = true,
    description = {"Measure ReLU criticality (DEEPRESHAPE.md section 4): train the all-linear network and, for each "
        + "stage k, the network in which only stage k keeps its ReLUs, each in its own run directory under --out "
        + "(linear, S1, S2, ...); then write --out/criticality.json, which equalize, hybrenet and design read "
        + "with --criticality, and print the scores C_k = A_k - A_lin and the order.",
        "Running the same command again reuses finished runs and resumes an interrupted one.",
        "With only FILE (or nothing), show a criticality file (or the default order S3 > S2 > S4 > S1)."})
public final class CriticalityMeasureCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Criticality file to show (JSON).")
  Path file;

  @Option(names = "--preset", paramLabel = "NAME", description = "Preset network to measure (e.g. resnet18).")
  String preset;

  @Option(names = "--spec", paramLabel = "FILE", description = "Network spec file (YAML or JSON) to measure.")
  Path specFile;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar100",
      description = "Dataset: cifar10, cifar100, tinyimagenet, fashion-mnist, synthetic (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder.")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the runs and criticality.json.")
  Path out;

  @Option(names = "--epochs", defaultValue = "200", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.1", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--train-subset", defaultValue = "0", description = "Train on N random training images (0 = all).")
  int trainSubset;

  @Option(names = "--test-subset", defaultValue = "0", description = "Evaluate on N random test images (0 = all).")
  int testSubset;

  @Mixin
  TrainingOptions training;

  @Override
  public Integer call() throws IOException {
    if (preset == null && specFile == null) {
      if (out != null || data != null) {
        throw new UserException("criticality measurement needs a network: --preset NAME or --spec FILE");
      }
      return show();
    }
    if (preset != null && specFile != null) {
      throw new UserException("give one network: --preset or --spec, not both");
    }
    if (out == null) {
      throw new UserException("criticality measurement needs --out DIR (the runs and criticality.json go there)");
    }
    if (file != null) {
      throw new UserException("give either a criticality FILE to show or a network to measure, not both");
    }
    Dataset ds = Dataset.parse(dataset);
    NetworkSpec net = preset != null ? Presets.build(preset, ds) : SpecIo.read(specFile);
    DataSettings settings = new DataSettings(Datasets.canonical(ds.key()), data == null ? null : data.toString(),
        trainSubset, testSubset, training.seed);
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(System.err,
        training.quiet ? ProgressLine.Mode.OFF : ProgressLine.Mode.AUTO);
    CriticalityMeasurement.Result r = CriticalityMeasurement.run(net, settings, training.config(epochs, lr), out,
        progress, line -> {
          err.println(line);
          err.flush();
        });
    if (!r.complete()) {
      w.println("criticality measurement stopped; run the same command again to resume (finished runs are kept)");
      w.flush();
      return ExitCodes.INTERRUPTED;
    }
    print(w, net, r);
    return ExitCodes.OK;
  }

  private int show() {
    return CriticalityCommand.show(spec.commandLine().getOut(), file);
  }

  private static void print(PrintWriter w, NetworkSpec net, CriticalityMeasurement.Result r) {
    CriticalityScores s = r.scores();
    CriticalityOrder order = s.order("measured");
    long[] stageRelus = Accounting.stageRelus(net);
    w.printf(Locale.ROOT, "criticality of %s on %s (DeepReDuce: only stage k keeps its ReLUs)%n%n", net.name(),
        s.dataset());
    Table t = new Table("network", "ReLUs", "top-1", "score C_k", "rank", "run");
    t.row("all-linear", 0, pct(s.linearAccuracy()), "", "", r.runs().get(0).runDir() + reused(r.runs().get(0)));
    for (int k = 1; k <= s.depth(); k++) {
      CriticalityMeasurement.StageRun run = r.runs().get(k);
      t.row("S" + k + " only", Format.count(stageRelus[k - 1]), pct(s.accuracy(k)),
          String.format(Locale.ROOT, "%+.2f", s.score(k)), order.rank(k) + 1, run.runDir() + reused(run));
    }
    w.print(t.render());
    w.println();
    w.println("order: " + order + "   (--order " + order.compact() + ")");
    w.println("criticality file: " + r.file() + "   (use: equalize --criticality " + r.file() + ")");
    w.flush();
  }

  private static String reused(CriticalityMeasurement.StageRun run) {
    return run.reused() ? " (reused)" : "";
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v);
  }
}
