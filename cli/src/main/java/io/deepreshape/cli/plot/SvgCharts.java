package io.deepreshape.cli.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The two charts of {@link Charts} drawn straight to SVG from the same data (JFreeChart 1.5 has no
 * SVG export): each method returns an {@code <svg>} element of the given size, usable inline in HTML.
 */
public final class SvgCharts {
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 70;
  private static final int BOTTOM = 110;

  private SvgCharts() {}

  /** Stacked bars of stage ReLUs per network. */
  public static String stageDistribution(String title, List<PlotNetwork> networks, int width, int height) {
    List<String> stages = Charts.stageNames(networks);
    double max = networks.stream().mapToDouble(PlotNetwork::relus).max().orElse(1);
    double step = niceStep(max / 5);
    double top = Math.max(step, Math.ceil(max / step) * step);
    StringBuilder sb = open(width, height, title);
    Frame f = new Frame(width, height);
    yAxis(sb, f, top, step, "ReLUs", 1);
    double slot = f.w / Math.max(1, networks.size());
    double bar = Math.min(slot * 0.6, 60);
    for (int n = 0; n < networks.size(); n++) {
      PlotNetwork net = networks.get(n);
      double x = f.x0 + slot * n + (slot - bar) / 2;
      double acc = 0;
      for (int s = 0; s < stages.size(); s++) {
        int i = net.stageNames().indexOf(stages.get(s));
        double v = i < 0 ? 0 : net.stageRelus().get(i);
        if (v > 0) {
          double y0 = f.y(acc / top);
          double y1 = f.y((acc + v) / top);
          sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
              + "<title>%s %s: %,d ReLUs</title></rect>%n", x, y1, bar, y0 - y1, hex(Charts.PALETTE[s % Charts.PALETTE.length]),
              esc(net.label()), esc(stages.get(s)), (long) v));
        }
        acc += v;
      }
      double lx = x + bar / 2;
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
          + "transform=\"rotate(-45 %.1f %.1f)\">%s</text>%n", lx, f.y0 + 14, lx, f.y0 + 14, esc(net.label())));
    }
    legend(sb, stages, LEFT, 48);
    return sb.append("</svg>\n").toString();
  }

  /** ReLUs (thousands) against FLOPs (millions), Pareto front as a line; log axes when values span over 50x. */
  public static String reluFlops(String title, List<PlotNetwork> networks, int width, int height) {
    Axis ax = Axis.of(networks.stream().mapToDouble(n -> n.relus() / 1e3).toArray());
    Axis ay = Axis.of(networks.stream().mapToDouble(n -> n.flops() / 1e6).toArray());
    StringBuilder sb = open(width, height, title);
    Frame f = new Frame(width, height);
    scatterAxes(sb, f, ax, ay);
    StringBuilder line = new StringBuilder();
    for (PlotNetwork n : Charts.frontSorted(networks)) {
      double x = f.x0 + f.w * ax.frac(n.relus() / 1e3);
      double y = f.y(ay.frac(n.flops() / 1e6));
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" stroke=\"%s\" "
          + "stroke-width=\"2\"/>%n", x, y, hex(Charts.PALETTE[4])));
    }
    sb.append("<polyline fill=\"none\" stroke=\"").append(hex(Charts.PALETTE[4])).append("\" stroke-width=\"2\" points=\"")
        .append(line.toString().trim()).append("\"/>\n");
    List<String> groups = Charts.groups(networks);
    for (PlotNetwork n : networks) {
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %,d ReLUs, "
          + "%,d FLOPs</title></circle>%n", f.x0 + f.w * ax.frac(n.relus() / 1e3), f.y(ay.frac(n.flops() / 1e6)),
          hex(Charts.groupColor(groups.indexOf(n.group()))), esc(n.label()), n.relus(), n.flops()));
    }
    int x = LEFT;
    for (int i = 0; i < groups.size(); i++) {
      legendItem(sb, x, 48, Charts.groupColor(i), groups.get(i));
      x += 30 + 8 * groups.get(i).length();
    }
    legendItem(sb, x, 48, Charts.PALETTE[4], "Pareto front");
    return sb.append("</svg>\n").toString();
  }

  /** Both charts side by side in one SVG document. */
  public static String figure(String title, List<PlotNetwork> networks) {
    String left = stageDistribution(title + ": stage ReLU distribution", networks, 640, 520);
    String right = reluFlops(title + ": ReLUs vs FLOPs", networks, 640, 520);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1280\" height=\"520\" viewBox=\"0 0 1280 520\">\n"
        + left.replaceFirst("<svg ", "<svg x=\"0\" y=\"0\" ")
        + right.replaceFirst("<svg ", "<svg x=\"640\" y=\"0\" ") + "</svg>\n";
  }

  private static void scatterAxes(StringBuilder sb, Frame f, Axis ax, Axis ay) {
    for (double v : ay.ticks()) {
      double y = f.y(ay.frac(v));
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
          f.x0, y, f.x0 + f.w, y, f.x0 - 6, y + 4, tick(v)));
    }
    for (double v : ax.ticks()) {
      double x = f.x0 + f.w * ax.frac(v);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
          x, f.y0, x, f.y1, x, f.y0 + 16, tick(v)));
    }
    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>"
        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
        f.x0, f.y0, f.x0 + f.w, f.y0, f.x0, f.y0, f.x0, f.y1));
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">"
        + "ReLUs (thousands%s)</text>%n", f.x0 + f.w / 2, f.y0 + 40.0, ax.log ? ", log scale" : ""));
    double cy = f.y0 - f.h / 2;
    sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 %.1f)\">FLOPs (millions of MACs%s)</text>%n", cy, cy, ay.log ? ", log scale" : ""));
  }

  /** A linear axis from 0, or a log axis over whole decades when the values span more than 50x. */
  private record Axis(boolean log, double lo, double hi, double step) {
    static Axis of(double[] values) {
      double min = java.util.Arrays.stream(values).min().orElse(1);
      double max = java.util.Arrays.stream(values).max().orElse(1);
      if (min > 0 && max / min > Charts.LOG_RATIO) {
        return new Axis(true, Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))), 0);
      }
      double step = niceStep(max / 5);
      return new Axis(false, 0, Math.max(step, Math.ceil(max * 1.05 / step) * step), step);
    }

    double frac(double v) {
      return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : v / hi;
    }

    List<Double> ticks() {
      List<Double> t = new java.util.ArrayList<>();
      if (log) {
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
          t.add(d);
        }
      } else {
        for (double v = 0; v <= hi + step / 2; v += step) {
          t.add(v);
        }
      }
      return t;
    }
  }

  private record Frame(double x0, double y0, double w, double h, double y1) {
    Frame(int width, int height) {
      this(LEFT, height - BOTTOM, width - LEFT - RIGHT, height - BOTTOM - TOP, TOP);
    }

    double y(double fraction) {
      return y0 - h * fraction;
    }
  }

  private static StringBuilder open(int width, int height, String title) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
        width, height, width, height));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\" "
        + "text-anchor=\"middle\">%s</text>%n", width / 2, esc(title)));
    return sb;
  }

  private static void yAxis(StringBuilder sb, Frame f, double top, double step, String label, double scale) {
    for (double v = 0; v <= top + step / 2; v += step) {
      double y = f.y(v / top);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
          f.x0, y, f.x0 + f.w, y, f.x0 - 6, y + 4, tick(v * scale)));
    }
    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>"
        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n",
        f.x0, f.y0, f.x0 + f.w, f.y0, f.x0, f.y0, f.x0, f.y1));
    double cy = f.y0 - f.h / 2;
    sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 %.1f)\">%s</text>%n", cy, cy, esc(label)));
  }

  private static void legend(StringBuilder sb, List<String> stages, int x, int y) {
    for (int i = 0; i < stages.size(); i++) {
      legendItem(sb, x + i * 70, y, Charts.PALETTE[i % Charts.PALETTE.length], stages.get(i));
    }
  }

  private static void legendItem(StringBuilder sb, int x, int y, Color c, String text) {
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
        + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x, y - 10, hex(c), x + 16, y, esc(text)));
  }

  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  private static String tick(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
