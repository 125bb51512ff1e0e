package io.deepreshape.cli.plot;

import io.deepreshape.hybrenet.Pareto;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two DeepReShape charts as JFreeChart objects (reusable by the HTML report). */
public final class Charts {
  /** Stage colours, stem first. */
  private static final Color[] PALETTE = {
      new Color(0x7f7f7f), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

  /** Ratio of largest to smallest value above which the scatter switches to log axes. */
  private static final double LOG_RATIO = 50;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Stage names in first-seen order across networks. */
  private static List<String> stageNames(List<PlotNetwork> networks) {
    Set<String> names = new LinkedHashSet<>();
    networks.forEach(n -> names.addAll(n.stageNames()));
    return new ArrayList<>(names);
  }

  /** Stacked bars: one bar per network, one segment per stage (ReLU count). */
  public static JFreeChart stageDistribution(String title, List<PlotNetwork> networks) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String stage : stageNames(networks)) {
      for (PlotNetwork n : networks) {
        int i = n.stageNames().indexOf(stage);
        data.addValue(i < 0 ? 0 : n.stageRelus().get(i), stage, n.label());
      }
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(title, "network", "ReLUs", data, PlotOrientation.VERTICAL,
        true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    style(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.12);
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    CategoryAxis x = plot.getDomainAxis();
    if (networks.size() > 4) {
      x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    x.setMaximumCategoryLabelWidthRatio(2f);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return chart;
  }

  /** Groups in first-seen order. */
  private static List<String> groups(List<PlotNetwork> networks) {
    Set<String> g = new LinkedHashSet<>();
    networks.forEach(n -> g.add(n.group()));
    return new ArrayList<>(g);
  }

  /**
   * Scatter of ReLUs (x, thousands) against FLOPs (y, millions), one series per group, with the
   * Pareto front (fewest of both) as a red line through red rings.
   */
  public static JFreeChart reluFlops(String title, List<PlotNetwork> networks) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> groups = groups(networks);
    for (String g : groups) {
      XYSeries s = new XYSeries(g, false, true);
      networks.stream().filter(n -> n.group().equals(g)).forEach(n -> s.add(n.relus() / 1e3, n.flops() / 1e6));
      data.addSeries(s);
    }
    XYSeries front = new XYSeries("Pareto front", true, true);
    frontSorted(networks).forEach(n -> front.addOrUpdate(n.relus() / 1e3, n.flops() / 1e6));
    data.addSeries(front);
    JFreeChart chart = ChartFactory.createScatterPlot(title, "ReLUs (thousands)", "FLOPs (millions of MACs)", data,
        PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setRenderer(scatterRenderer(groups.size()));
    scatterAxes(plot, networks);
    return chart;
  }

  /** Dots for each group, then red rings joined by a line for the front (the last series). */
  private static XYLineAndShapeRenderer scatterRenderer(int groupCount) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    for (int i = 0; i < groupCount; i++) {
      r.setSeriesLinesVisible(i, false);
      r.setSeriesPaint(i, groupColor(i));
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
    }
    int f = groupCount;
    r.setSeriesLinesVisible(f, true);
    r.setSeriesShapesVisible(f, true);
    r.setSeriesShapesFilled(f, false);
    r.setSeriesShape(f, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
    r.setSeriesPaint(f, PALETTE[4]);
    r.setSeriesStroke(f, new BasicStroke(2f));
    return r;
  }

  /** Linear axes from zero, or log axes where the values span more than {@link #LOG_RATIO}. */
  private static void scatterAxes(XYPlot plot, List<PlotNetwork> networks) {
    if (wide(networks.stream().mapToDouble(n -> n.relus() / 1e3).toArray())) {
      plot.setDomainAxis(logAxis("ReLUs (thousands, log scale)"));
    } else {
      ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
    }
    if (wide(networks.stream().mapToDouble(n -> n.flops() / 1e6).toArray())) {
      plot.setRangeAxis(logAxis("FLOPs (millions of MACs, log scale)"));
    } else {
      ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    }
  }

  /** Whether values span more than {@link #LOG_RATIO}: then the scatter uses log axes. */
  private static boolean wide(double[] values) {
    double min = java.util.Arrays.stream(values).min().orElse(1);
    double max = java.util.Arrays.stream(values).max().orElse(1);
    return min > 0 && max / min > LOG_RATIO;
  }

  private static LogAxis logAxis(String label) {
    LogAxis a = new LogAxis(label);
    a.setBase(10);
    a.setSmallestValue(1e-3);
    a.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
    a.setAutoTickUnitSelection(false);
    a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0), false, false);   // one tick per decade
    a.setMinorTickMarksVisible(true);
    return a;
  }

  /** Colour of the i-th scatter group: blue, orange, green, purple, ... (red is the front's). */
  private static Color groupColor(int i) {
    int[] order = {1, 2, 3, 5, 6, 7, 0};
    return PALETTE[order[i % order.length]];
  }

  /** The front's points sorted by ReLUs, the order its line joins them. */
  private static List<PlotNetwork> frontSorted(List<PlotNetwork> networks) {
    boolean[] f = Pareto.front(networks, PlotNetwork::relus, PlotNetwork::flops);
    List<PlotNetwork> out = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      if (f[i]) {
        out.add(networks.get(i));
      }
    }
    out.sort(Comparator.comparingLong(PlotNetwork::relus).thenComparingLong(PlotNetwork::flops));
    return out;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
  }
}
