package io.deepreshape.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's words and tables, rendered as HTML or Markdown from the same rows. */
final class ReportText {
  private static final List<String> NETWORK_HEADER = List.of("network", "method", "input", "budget", "seed",
      "ReLUs", "FLOPs", "params", "est. latency (s)", "measured latency (s)", "epochs", "val top-1", "test top-1",
      "spec");

  private ReportText() {}

  static List<List<String>> networkRows(ReportContent c) {
    List<List<String>> rows = new ArrayList<>();
    for (TrainedNetwork n : c.trained()) {
      rows.add(List.of(n.label(), n.method(), n.input(),
          n.budget() == 0 ? "-" : String.format(Locale.ROOT, "%,d", n.budget()), String.valueOf(n.seed()),
          String.format(Locale.ROOT, "%,d", n.relus()), String.format(Locale.ROOT, "%,d", n.flops()),
          String.format(Locale.ROOT, "%,d", n.params()), String.format(Locale.ROOT, "%.2f", n.latencyS()),
          n.measuredLatencyS() == null ? "-" : String.format(Locale.ROOT, "%.2f", n.measuredLatencyS()),
          String.valueOf(n.epochs()), n.valTop1() == null ? "-" : pct(n.valTop1()), pct(n.top1()), n.spec()));
    }
    return rows;
  }

  static List<String> headline(ReportContent c) {
    List<String> lines = new ArrayList<>();
    List<Aggregate> nets = Aggregate.of(c.trained());
    for (Comparison.IsoRelu r : Comparison.isoRelu(nets)) {
      lines.add(String.format(Locale.ROOT,
          "At iso-ReLU (%,d ReLUs budget), the HybReNet %s reaches %s vs %s for %s (%s): %+.2f points of accuracy "
              + "[%s], with a %.2fx runtime improvement (%s latency %.2f s vs %.2f s).",
          r.budget(), r.hybrenet().label(), r.hybrenet().accuracyText(), r.other().accuracyText(), r.other().what(),
          r.other().label(), 100 * r.accuracyGain(), r.verdict(), r.speedup(), latencyKind(r.hybrenet()),
          r.hybrenet().latencyS(), r.other().latencyS()));
    }
    for (Comparison.IsoAccuracy r : Comparison.isoAccuracy(nets)) {
      if (r.hybrenet().isPresent()) {
        lines.add(String.format(Locale.ROOT,
            "At iso-accuracy with %s (%s, %s), the fastest HybReNet at least as accurate in the mean is %s (%s): a "
                + "%.2fx runtime improvement.",
            r.other().what(), r.other().label(), r.other().accuracyText(), r.hybrenet().get().label(),
            r.hybrenet().get().accuracyText(), r.speedup()));
      } else {
        lines.add(String.format(Locale.ROOT, "No trained HybReNet reaches the mean accuracy of %s (%s, %s).",
            r.other().what(), r.other().label(), r.other().accuracyText()));
      }
    }
    return lines;
  }

  private static String latencyKind(Aggregate a) {
    return a.measured() ? "measured" : "estimated";
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  static String markdown(ReportContent c, List<String> images) {
    StringBuilder sb = new StringBuilder("# ").append(c.title()).append("\n\n");
    c.settings().forEach(s -> sb.append("- ").append(s).append('\n'));
    sb.append("\n## Headline comparisons\n\n");
    headline(c).forEach(s -> sb.append("- ").append(s).append('\n'));
    for (ReportTable t : c.tables()) {
      sb.append("\n## ").append(t.title()).append("\n\n").append(t.intro()).append("\n\n");
      mdTable(sb, t.header(), t.rows());
    }
    sb.append("\n## Criticality\n\n").append(c.criticalityNote()).append("\n\n");
    if (!c.criticalityRows().isEmpty()) {
      mdTable(sb, c.criticalityRows().get(0), c.criticalityRows().subList(1, c.criticalityRows().size()));
    }
    sb.append("\n## Plots\n\n");
    images.forEach(i -> sb.append("![").append(i).append("](").append(i).append(")\n\n"));
    sb.append("## Trained networks\n\n");
    mdTable(sb, NETWORK_HEADER, networkRows(c));
    if (!c.notes().isEmpty()) {
      sb.append("\n## Notes\n\n");
      c.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
    }
    return sb.toString();
  }

  private static void mdTable(StringBuilder sb, List<String> header, List<List<String>> rows) {
    sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> sb.append("---|"));
    sb.append('\n');
    rows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
  }

  static String html(ReportContent c, Map<String, String> images) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(c.title())).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
            + "color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}"
            + "img{max-width:100%;border:1px solid #eee;margin:0.5em 0}.headline li{margin:0.4em 0}</style></head><body>\n");
    sb.append("<h1>").append(esc(c.title())).append("</h1>\n<ul>");
    c.settings().forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
    sb.append("</ul>\n<h2>Headline comparisons</h2>\n<ul class=\"headline\">");
    List<String> head = headline(c);
    if (head.isEmpty()) {
      sb.append("<li>No HybReNet and other ReLU optimization were trained at the same budget.</li>");
    }
    head.forEach(s -> sb.append("<li>").append(esc(s)).append("</li>"));
    sb.append("</ul>\n");
    for (ReportTable t : c.tables()) {
      sb.append("<h2>").append(esc(t.title())).append("</h2>\n<p>").append(esc(t.intro())).append("</p>\n");
      htmlTable(sb, t.header(), t.rows());
    }
    sb.append("<h2>Criticality</h2>\n<p>").append(esc(c.criticalityNote())).append("</p>\n");
    if (!c.criticalityRows().isEmpty()) {
      htmlTable(sb, c.criticalityRows().get(0), c.criticalityRows().subList(1, c.criticalityRows().size()));
    }
    sb.append("<h2>Plots</h2>\n");
    images.forEach((name, uri) -> sb.append("<figure><img alt=\"").append(esc(name)).append("\" src=\"").append(uri)
        .append("\"><figcaption>").append(esc(name)).append("</figcaption></figure>\n"));
    sb.append("<h2>Trained networks</h2>\n");
    htmlTable(sb, NETWORK_HEADER, networkRows(c));
    if (!c.notes().isEmpty()) {
      sb.append("<h2>Notes</h2>\n<ul>");
      c.notes().forEach(n -> sb.append("<li>").append(esc(n)).append("</li>"));
      sb.append("</ul>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static void htmlTable(StringBuilder sb, List<String> header, List<List<String>> rows) {
    sb.append("<table><tr>");
    header.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
    sb.append("</tr>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      r.forEach(v -> sb.append("<td>").append(esc(v)).append("</td>"));
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
