package io.deepreshape.cli.report;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.cli.plot.Charts;
import io.deepreshape.cli.plot.Plots;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes {@code report.html} (self-contained), {@code report.md}, {@code networks.csv} and the plots as PNG files. */
public final class ReportWriter {
  /** Columns in the record's declaration order (CsvMapper sorts them alphabetically unless told not to). */
  private static final CsvMapper CSV = CsvMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

  private ReportWriter() {}

  /** Writes the report into {@code dir} and returns the HTML file. */
  public static Path write(ReportContent c, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    if (!c.distributions().isEmpty()) {
      images.put("stage-relus.png", Charts.stageDistribution("Stage ReLU distribution", c.distributions())
          .createBufferedImage(Plots.PANEL_WIDTH + 160, Plots.HEIGHT));
    }
    if (!c.designSpace().isEmpty()) {
      images.put("relus-vs-flops.png", Charts.reluFlops("ReLUs vs FLOPs (Pareto front marked)", c.designSpace())
          .createBufferedImage(Plots.PANEL_WIDTH + 160, Plots.HEIGHT));
    }
    if (!c.trained().isEmpty()) {
      images.put("accuracy-vs-relus.png", AccuracyCharts.accuracyVsRelus(c.trained(),
          PublishedPoints.forDataset(c.dataset()), 800, 500));
      images.put("accuracy-vs-latency.png", AccuracyCharts.accuracyVsLatency(c.trained(), c.profile(), 800, 500));
    }
    if (c.curves().stream().anyMatch(t -> !t.epochs().isEmpty())) {
      images.put("training-curves.png", AccuracyCharts.trainingCurves(c.curves(), 800, 500));
    }
    Map<String, byte[]> png = new LinkedHashMap<>();
    for (Map.Entry<String, BufferedImage> e : images.entrySet()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(e.getValue(), "png", bytes);
      png.put(e.getKey(), bytes.toByteArray());
      atomic(dir.resolve(e.getKey()), bytes.toByteArray());
    }
    atomic(dir.resolve("networks.csv"), csv(c.trained()).getBytes(StandardCharsets.UTF_8));
    atomic(dir.resolve("report.md"), ReportText.markdown(c, List.copyOf(png.keySet())).getBytes(StandardCharsets.UTF_8));
    Path html = dir.resolve("report.html");
    atomic(html, ReportText.html(c, embed(png)).getBytes(StandardCharsets.UTF_8));
    return html;
  }

  /** One row per trained network, the columns and names of {@link TrainedNetwork}, quoted as RFC 4180 says. */
  static String csv(List<TrainedNetwork> rows) throws IOException {
    return CSV.writer(CSV.schemaFor(TrainedNetwork.class).withHeader()).writeValueAsString(rows);
  }

  private static Map<String, String> embed(Map<String, byte[]> png) {
    Map<String, String> out = new LinkedHashMap<>();
    png.forEach((k, v) -> out.put(k, "data:image/png;base64," + Base64.getEncoder().encodeToString(v)));
    return out;
  }

  static void atomic(Path file, byte[] bytes) throws IOException {
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  static List<String> names(Map<String, ?> m) {
    return new ArrayList<>(m.keySet());
  }
}
