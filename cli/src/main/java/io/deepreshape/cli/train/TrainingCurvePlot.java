package io.deepreshape.cli.train;

import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.checkpoint.RunDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a run's training curve (train loss, train and test top-1 per epoch) from its {@code metrics.jsonl}. */
public final class TrainingCurvePlot {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingCurvePlot() {}

  /** Writes {@code training-curve.png} into the run directory (atomically) and returns its path, or null without metrics. */
  public static Path write(Path runDir, String title) throws IOException {
    Path metrics = runDir.resolve(RunDirectory.METRICS);
    if (!Files.isRegularFile(metrics)) {
      return null;
    }
    XYSeries loss = new XYSeries("train loss");
    XYSeries trainTop1 = new XYSeries("train top-1");
    XYSeries testTop1 = new XYSeries("test top-1");
    List<String> lines = Files.readAllLines(metrics);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode m = JSON.readTree(line);
      int epoch = m.get("epoch").asInt();
      loss.add(epoch, m.get("train_loss").asDouble());
      trainTop1.add(epoch, m.get("train_top1").asDouble());
      if (m.hasNonNull("test_top1")) {
        testTop1.add(epoch, m.get("test_top1").asDouble());
      }
    }
    if (loss.isEmpty()) {
      return null;
    }
    XYPlot plot = new XYPlot();
    NumberAxis epochs = new NumberAxis("epoch");
    epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot.setDomainAxis(epochs);
    NumberAxis lossAxis = new NumberAxis("train loss");
    lossAxis.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(0, lossAxis);
    plot.setDataset(0, new XYSeriesCollection(loss));
    plot.setRenderer(0, renderer(new Color(0xC0392B)));
    NumberAxis accAxis = new NumberAxis("top-1 accuracy");
    accAxis.setRange(0, 1);
    plot.setRangeAxis(1, accAxis);
    XYSeriesCollection acc = new XYSeriesCollection(trainTop1);
    acc.addSeries(testTop1);
    plot.setDataset(1, acc);
    plot.mapDatasetToRangeAxis(1, 1);
    XYLineAndShapeRenderer accRenderer = renderer(new Color(0x2E86C1));
    accRenderer.setSeriesPaint(1, new Color(0x27AE60));
    plot.setRenderer(1, accRenderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("Training curve: " + title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    Path out = runDir.resolve("training-curve.png");
    AtomicFiles.write(out, stream -> ChartUtils.writeChartAsPNG(stream, chart, 800, 500));
    return out;
  }

  private static XYLineAndShapeRenderer renderer(Color color) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, new BasicStroke(2f));
    r.setSeriesStroke(1, new BasicStroke(2f));
    return r;
  }
}
