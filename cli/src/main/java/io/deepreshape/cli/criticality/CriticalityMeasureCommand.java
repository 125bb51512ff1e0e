package io.deepreshape.cli.criticality;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.DataOptions;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.OneNetworkOptions;
import io.deepreshape.cli.common.Table;
import io.deepreshape.cli.common.TrainingOptions;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.optimize.CriticalityMeasurement;
import io.deepreshape.train.run.DataSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code criticality measure}: measures ReLU criticality as DeepReDuce does (Jha et al., ICML 2021;
 * DEEPRESHAPE.md section 4) by training the all-linear network and each stage-only network.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
    description = {"Measure ReLU criticality (DEEPRESHAPE.md section 4): train the all-linear network and, for each "
        + "stage k, the network in which only stage k keeps its ReLUs, each in its own run directory under --out "
        + "(linear, S1, S2, ...); then write --out/criticality.json, which equalize, hybrenet and design read "
        + "with --criticality, and print the scores C_k = A_k - A_lin and the order.",
        "Running the same command again reuses finished runs and resumes an interrupted one."})
public final class CriticalityMeasureCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  OneNetworkOptions network;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the runs and criticality.json.")
  Path out;

  @Option(names = "--epochs", defaultValue = "200", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.1", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Mixin
  DataOptions data;

  @Mixin
  TrainingOptions training;

  @Override
  public Integer call() throws IOException {
    NetworkSpec net = network.spec();
    DataSettings settings = data.settings(network.dataset(), training.seed);
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CriticalityMeasurement.Result r = CriticalityMeasurement.run(net, settings, training.config(epochs, lr), out,
        training.progress(), line -> {
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
    return CriticalityShowCommand.pct(v);
  }
}
