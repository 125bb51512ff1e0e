package io.deepreshape.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurveTest {
  @TempDir
  Path dir;

  @Test
  void readsTheEpochsThatHaveATestAccuracy() throws IOException {
    Path metrics = dir.resolve("metrics.jsonl");
    Files.writeString(metrics, """
        {"epoch":1,"train_loss":1.2,"test_top1":0.5}

        {"epoch":2,"train_loss":0.9}
        {"epoch":3,"train_loss":0.7,"test_top1":0.8125}
        """);
    TrainingCurve c = TrainingCurve.read("snl @20000", metrics);
    assertThat(c.epochs()).containsExactly(1, 3);
    assertThat(c.testTop1()).containsExactly(0.5, 0.8125);
    assertThat(TrainingCurve.read("absent", dir.resolve("none.jsonl")).epochs()).isEmpty();
  }

  @Test
  void aBrokenLineNamesTheFile() throws IOException {
    Path metrics = dir.resolve("metrics.jsonl");
    Files.writeString(metrics, "{\"epoch\":1,\"test_top1\":0.5}\n{\"epoch\":2,\n");
    assertThatThrownBy(() -> TrainingCurve.read("x", metrics)).hasMessageContaining(metrics.toString())
        .hasMessageContaining("not a JSON line");
  }

  @Test
  void drawsOneLinePerRunInPercent() {
    List<TrainingCurve> curves = List.of(
        new TrainingCurve("baseline", List.of(1, 2), List.of(0.8, 0.9)),
        new TrainingCurve("hybrenet @20000", List.of(1, 2, 3), List.of(0.7, 0.85, 0.875)));
    XYDataset data = AccuracyCharts.trainingCurvesChart(curves).getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getSeriesKey(1)).isEqualTo("hybrenet @20000");
    assertThat(data.getItemCount(1)).isEqualTo(3);
    assertThat(data.getXValue(1, 2)).isEqualTo(3.0);
    assertThat(data.getYValue(1, 2)).isEqualTo(87.5);
    BufferedImage img = AccuracyCharts.trainingCurves(curves, 400, 300);
    assertThat(img.getWidth()).isEqualTo(400);
  }
}
