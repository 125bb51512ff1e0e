package io.deepreshape.cli.pipeline;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The criticality order a pipeline uses, where it came from, and the table the report shows. */
record Criticality(CriticalityOrder order, String source, String note, List<List<String>> rows) {

  static Criticality defaultFor(int depth) {
    CriticalityOrder o = CriticalityOrder.defaultFor(depth);
    return new Criticality(o, "default, DEEPRESHAPE.md section 4",
        "Not measured: the published order for ResNets on CIFAR-100 and TinyImageNet, " + o.compact()
            + ", is used (set criticality.epochs to measure it).", List.of());
  }

  static Criticality measured(CriticalityScores s, String file) {
    CriticalityOrder o = s.order("measured, " + file);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("stage", "accuracy with only this stage's ReLUs", "all-linear accuracy", "score C_k", "rank"));
    for (int k = 1; k <= s.depth(); k++) {
      rows.add(List.of("S" + k, pct(s.accuracy(k)), pct(s.linearAccuracy()),
          String.format(Locale.ROOT, "%+.2f points", s.score(k)), String.valueOf(o.rank(k) + 1)));
    }
    return new Criticality(o, "measured, " + file, "Measured as in DeepReDuce: each stage alone keeps its ReLUs; "
        + "C_k is its accuracy minus the all-linear network's. Order: " + o.compact() + ".", rows);
  }

  /** Criticality files hold top-1 percentages. */
  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v);
  }
}
