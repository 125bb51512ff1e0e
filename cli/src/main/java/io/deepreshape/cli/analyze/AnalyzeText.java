package io.deepreshape.cli.analyze;

import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.accounting.StageCost;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Table;
import io.deepreshape.latency.Calibration;
import io.deepreshape.latency.LatencyEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Text output of {@code analyze}: per-stage table, per-layer table, comparison table. */
final class AnalyzeText {
  private AnalyzeText() {}

  static String single(NetworkReport r, boolean layers) {
    NetworkCost c = r.cost();
    StringBuilder sb = new StringBuilder();
    sb.append(r.graph().name()).append("  (input ").append(r.graph().input()).append(", ").append(r.graph().spec()
        .map(s -> s.block().key() + " blocks, stem " + s.stem().type().key()).orElse("imported ONNX graph"))
        .append(")\n\n");
    Table t = new Table("stage", "ReLUs", "ReLU %", "FLOPs", "FLOP %", "params", "latency");
    for (int i = 0; i < c.stages().size(); i++) {
      StageCost s = c.stages().get(i);
      t.row(s.name(), Format.count(s.relus()) + (s.reuseMuxes() > 0 ? " (+" + Format.si(s.reuseMuxes()) + " mux)" : ""),
          Format.percent(share(s.relus(), c.relus())), Format.si(s.macs()), Format.percent(share(s.macs(), c.macs())),
          Format.si(s.params()), Format.seconds(r.stageLatency().get(i).totalS()));
    }
    t.row("total", Format.count(c.relus()), "100.0%", Format.si(c.macs()), "100.0%", Format.si(c.params()),
        Format.seconds(r.latency().totalS()));
    sb.append(t.render()).append('\n');
    sb.append("exact: ").append(Format.count(c.relus())).append(" ReLUs, ").append(Format.count(c.macs()))
        .append(" FLOPs (MACs), ").append(Format.count(c.params())).append(" params");
    if (c.reuseMuxes() > 0) {
      sb.append(", ").append(Format.count(c.reuseMuxes())).append(" reuse multiplexers");
    }
    sb.append('\n');
    sb.append(latencyLines(r));
    if (layers) {
      sb.append('\n').append(layerTable(r));
    }
    return sb.toString();
  }

  static String latencyLines(NetworkReport r) {
    LatencyEstimate e = r.latency();
    return "latency (" + r.profile().name() + ", " + r.network().name() + "): " + Format.seconds(e.totalS())
        + " = offline " + Format.seconds(e.offlineS()) + " (linear " + Format.seconds(e.offlineLinearS())
        + ", non-linear " + Format.seconds(e.offlineNonlinearS()) + ") + online " + Format.seconds(e.onlineS())
        + " (linear " + Format.seconds(e.onlineLinearS()) + ", non-linear " + Format.seconds(e.onlineNonlinearS())
        + ")\ncommunication: offline " + Format.bytes(e.offlineBytesUp()) + " up / " + Format.bytes(e.offlineBytesDown())
        + " down, online " + Format.bytes(e.onlineBytesUp()) + " up / " + Format.bytes(e.onlineBytesDown())
        + " down; client GC storage " + Format.bytes(e.clientStorageBytes()) + "\n" + modelErrorLine(r);
  }

  /** The model's error against this network's measurement, or its largest error over the profile's points. */
  static String modelErrorLine(NetworkReport r) {
    if (r.measured().isPresent()) {
      Calibration.Row m = r.measured().get();
      return String.format(Locale.ROOT, "model error against the measurement of this network (%s): offline %s vs "
          + "measured %s (%+.1f%%), online %s vs %s (%+.1f%%); loopback%n", m.point().source(),
          Format.seconds(m.estimate().offlineS()), Format.seconds(m.point().offlineSeconds()), 100 * m.offlineError(),
          Format.seconds(m.estimate().onlineS()), Format.seconds(m.point().onlineSeconds()), 100 * m.onlineError());
    }
    if (r.profile().calibration().isEmpty()) {
      return "model error: not known (profile " + r.profile().name() + " lists no measurements)\n";
    }
    double[] e = Calibration.largestErrors(r.profile());
    return String.format(Locale.ROOT, "model error: this network was not measured; on the %d measurements profile %s "
        + "lists, at most %.1f%% offline and %.1f%% online (deepreshape profile %s)%n", r.profile().calibration().size(),
        r.profile().name(), 100 * e[0], 100 * e[1], r.profile().name());
  }

  static String layerTable(NetworkReport r) {
    Table t = new Table("layer", "kind", "shape", "ReLUs", "FLOPs", "params");
    for (LayerCost l : r.cost().layers()) {
      t.row(l.name(), l.kind().label(), l.detail(), l.relus() == 0 ? "" : Format.count(l.relus()),
          l.macs() == 0 ? "" : Format.count(l.macs()), l.params() == 0 ? "" : Format.count(l.params()));
    }
    return t.render();
  }

  static String compare(List<NetworkReport> reports) {
    NetworkReport base = reports.get(0);
    List<String> h = new ArrayList<>();
    h.add("metric");
    for (int i = 0; i < reports.size(); i++) {
      h.add(reports.get(i).graph().name());
      if (i > 0) {
        h.add("ratio");
      }
    }
    Table t = new Table(h.toArray(String[]::new));
    row(t, "ReLUs", reports, r -> r.cost().relus(), true);
    int d = base.cost().depth();
    for (int s = 1; s <= d; s++) {
      final int stage = s;
      row(t, "  S" + s + " ReLUs", reports, r -> stage < r.cost().stages().size() - 1 ? r.cost().stageRelus(stage) : 0, true);
    }
    row(t, "FLOPs", reports, r -> r.cost().macs(), false);
    row(t, "params", reports, r -> r.cost().params(), false);
    row(t, "latency (s)", reports, r -> r.latency().totalS(), false);
    row(t, "  offline (s)", reports, r -> r.latency().offlineS(), false);
    row(t, "  online (s)", reports, r -> r.latency().onlineS(), false);
    return t.render() + "ratios are each network's value divided by the first's; latency: " + base.profile().name() + ", "
        + base.network().name() + "\n";
  }

  private static void row(Table t, String label, List<NetworkReport> reports,
      ToDoubleFunction<NetworkReport> f, boolean exact) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    double base = f.applyAsDouble(reports.get(0));
    for (int i = 0; i < reports.size(); i++) {
      double v = f.applyAsDouble(reports.get(i));
      cells.add(exact ? Format.count((long) v) : label.contains("(s)") ? String.format(Locale.ROOT, "%.1f", v)
          : Format.si(v));
      if (i > 0) {
        cells.add(base == 0 ? "-" : Format.ratio(v / base));
      }
    }
    t.row(cells.toArray());
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }
}
