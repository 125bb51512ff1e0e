package io.deepreshape.cli.criticality;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Table;
import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code criticality show [FILE]}: a criticality file's scores and the order they induce, or the published
 * default order (DEEPRESHAPE.md section 4).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Show a criticality file (DEEPRESHAPE.md section 4): per-stage accuracy with only that stage's ReLUs, "
        + "the all-linear accuracy, the scores C_k = A_k - A_lin and the order they induce.",
        "Without a file, show the default order S3 > S2 > S4 > S1 used for 4-stage networks."})
public final class CriticalityShowCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Criticality file (JSON).")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (file == null) {
      out.println("default criticality order: " + CriticalityOrder.defaultFor(4) + " ("
          + CriticalityOrder.DEFAULT_SOURCE + ": the published order for ResNets on CIFAR-100 and TinyImageNet)");
      out.flush();
      return ExitCodes.OK;
    }
    CriticalityScores s = CriticalityIo.read(file);
    CriticalityOrder order = s.order(file.getFileName().toString());
    out.println("criticality of " + (s.network().isEmpty() ? "?" : s.network())
        + (s.dataset().isEmpty() ? "" : " on " + s.dataset()) + ": all-linear accuracy "
        + pct(s.linearAccuracy()) + "\n");
    Table t = new Table("stage", "accuracy", "score C_k", "rank");
    for (int k = 1; k <= s.depth(); k++) {
      t.row("S" + k, pct(s.accuracy(k)), String.format(Locale.ROOT, "%+.2f", s.score(k)), order.rank(k) + 1);
    }
    out.print(t.render());
    out.println("\norder: " + order + "   (--order " + order.compact() + ")");
    out.flush();
    return ExitCodes.OK;
  }

  /** A percentage with two decimals. */
  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v);
  }
}
