package io.deepreshape.cli.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.cli.plot.SvgCharts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
  @TempDir
  Path dir;

  @Test
  void equalizePngAndDesignSvg() throws Exception {
    Path png = dir.resolve("eq.png");
    assertThat(CliRun.of("equalize", "--preset", "resnet18", "--order", "3,2,4,1", "--plot", png.toString()).exitCode())
        .isZero();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(520);
    Path svg = dir.resolve("d.svg");
    assertThat(CliRun.of("design", "--relus", "50000", "--baseline", "resnet18", "--order", "3,2,4,1",
        "--plot", svg.toString()).exitCode()).isZero();
    String s = Files.readString(svg);
    assertThat(s).startsWith("<svg").contains("Design for 50.0K ReLUs: stage ReLU distribution")
        .contains("Design for 50.0K ReLUs: ReLUs vs FLOPs").contains("Pareto front").contains("baseline resnet18");
  }

  @Test
  void svgBarsStackStageCounts() {
    // One network, stem 10 and S1 30 ReLUs: two bars (the rectangles with a tooltip) in ratio 1 : 3.
    PlotNetwork n = new PlotNetwork("n", "g", List.of("stem", "S1"), List.of(10L, 30L), 40, 1000);
    String svg = SvgCharts.stageDistribution("t", List.of(n), 400, 300);
    List<Double> heights = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<rect x=\"[^\"]+\" y=\"[^\"]+\" width=\"[^\"]+\" "
        + "height=\"([0-9.]+)\" fill=\"#[0-9a-f]{6}\"><title>").matcher(svg);
    while (m.find()) {
      heights.add(Double.parseDouble(m.group(1)));
    }
    assertThat(heights).hasSize(2);
    assertThat(heights.get(1) / heights.get(0)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void unknownExtensionIsAUserError() {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--order", "3,2,4,1", "--plot", dir.resolve("x.gif")
        .toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--plot must name a .png or .svg file");
  }
}
