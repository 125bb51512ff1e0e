package io.deepreshape.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Accuracy against ReLUs and against estimated PI latency, one series per method; training curves. */
public final class AccuracyCharts {
  private static final Map<String, Color> COLORS = Map.of(
      "hybrenet", new Color(0xC0392B), "baseline", new Color(0x2C3E50), "deepreduce", new Color(0x2E86C1),
      "snl", new Color(0x27AE60), "reuse", new Color(0x8E44AD));

  private AccuracyCharts() {}

  public static BufferedImage accuracyVsRelus(List<TrainedNetwork> nets, List<PublishedPoints.Series> published,
      int w, int h) {
    return chart("Test top-1 vs ReLUs", "ReLUs", nets, n -> n.relus(), published, w, h);
  }

  public static BufferedImage accuracyVsLatency(List<TrainedNetwork> nets, String profile, int w, int h) {
    boolean measured = !nets.isEmpty() && nets.stream().allMatch(n -> n.measuredLatencyS() != null);
    return measured
        ? chart("Test top-1 vs PI latency measured on the engine", "measured latency (s)", nets,
            TrainedNetwork::shownLatencyS, List.of(), w, h)
        : chart("Test top-1 vs estimated PI latency (" + profile + ")", "estimated latency (s)", nets,
            TrainedNetwork::latencyS, List.of(), w, h);
  }

  private static BufferedImage chart(String title, String xLabel, List<TrainedNetwork> nets,
      ToDoubleFunction<TrainedNetwork> x, List<PublishedPoints.Series> published, int w, int h) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (TrainedNetwork n : nets) {
      String key = n.method().equals(n.input()) || n.input() == null ? n.method() : n.method() + " on " + n.input();
      series.computeIfAbsent(key, m -> new XYSeries(m, true, true)).add(x.applyAsDouble(n), 100 * n.top1());
    }
    for (PublishedPoints.Series p : published) {
      XYSeries s = new XYSeries(p.label() + ", published", true, true);
      for (double[] pt : p.points()) {
        s.add(pt[0], pt[1]);
      }
      series.put(s.getKey().toString(), s);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    NumberAxis xAxis = new NumberAxis(xLabel);
    xAxis.setAutoRangeIncludesZero(true);
    NumberAxis yAxis = new NumberAxis("test top-1 (%)");
    yAxis.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    int i = 0;
    for (String m : series.keySet()) {
      r.setSeriesPaint(i, COLORS.getOrDefault(m.split(" ")[0], Color.GRAY));
      r.setSeriesStroke(i, m.endsWith(", published")
          ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)
          : new BasicStroke(1.5f));
      i++;
    }
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart.createBufferedImage(w, h);
  }

  /** Test top-1 after each epoch, one line per run. */
  public static BufferedImage trainingCurves(List<TrainingCurve> curves, int w, int h) {
    return trainingCurvesChart(curves).createBufferedImage(w, h);
  }

  static JFreeChart trainingCurvesChart(List<TrainingCurve> curves) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (TrainingCurve c : curves) {
      XYSeries s = new XYSeries(c.label(), true, true);
      for (int i = 0; i < c.epochs().size(); i++) {
        s.add(c.epochs().get(i).doubleValue(), 100 * c.testTop1().get(i));
      }
      data.addSeries(s);
    }
    NumberAxis xAxis = new NumberAxis("epoch");
    xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis yAxis = new NumberAxis("top-1 each epoch (%): validation split, or test without one");
    yAxis.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < curves.size(); i++) {
      r.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("Training curves: test top-1 per epoch", new Font("SansSerif", Font.BOLD, 15),
        plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
