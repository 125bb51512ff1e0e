package io.deepreshape.cli.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Table;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.optimize.MeasuredRelus;
import io.deepreshape.train.optimize.OptimizationPlan;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.EvalResult;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The teacher and the optimized network side by side, both evaluated on the same test data: top-1,
 * ReLUs (accounted, and measured on a forward pass of the trained model), FLOPs and estimated PI latency.
 */
final class OptimizeReport {
  private OptimizeReport() {}

  static void print(PrintWriter w, OptimizationPlan plan, Path teacherRun, Path run, DataSettings data, Profile profile,
      NetworkSetting net) throws IOException {
    w.println("method: " + plan.method().key() + ", budget " + Format.count(plan.budget()) + " ReLUs");
    if (!"not used".equals(plan.order())) {
      w.println("criticality order: " + plan.order() + " (" + plan.orderSource() + ")");
    }
    w.println("reduction: " + plan.description());
    Table t = new Table("network", "top-1", "ReLUs", "measured ReLUs", "FLOPs", "latency (" + profile.name() + ")");
    row(t, "teacher", teacherRun, data, profile, net);
    row(t, plan.method().key(), run, data, profile, net);
    w.println();
    w.print(t.render());
    w.println();
    w.println("run directory: " + run);
    w.flush();
  }

  private static void row(Table t, String label, Path runDir, DataSettings data, Profile profile, NetworkSetting net)
      throws IOException {
    NetworkSpec spec = RunFiles.spec(runDir);
    EvalResult e = TrainingRun.evaluate(runDir, data);
    NetworkCost cost = Accounting.of(spec);
    long measured = MeasuredRelus.perImage(spec, new RunDirectory(runDir).finalParamsFile());
    LatencyEstimate l = LatencyModel.estimate(cost, profile, net);
    t.row(label + " (" + spec.name() + ")", String.format(Locale.ROOT, "%.2f%%", 100 * e.top1()),
        Format.count(cost.relus()), Format.count(measured), Format.si(cost.macs()), Format.seconds(l.totalS()));
  }
}
