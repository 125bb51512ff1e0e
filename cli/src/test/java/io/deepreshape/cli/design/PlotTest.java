package io.deepreshape.cli.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.cli.plot.Plots;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
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
  void svgBarsStackStageCounts() throws Exception {
    // One network, stem 10 and S1 30 ReLUs: two bars, in the stem's grey and S1's blue, heights in ratio 1 : 3.
    PlotNetwork n = new PlotNetwork("n", "g", List.of("stem", "S1"), List.of(10L, 30L), 40, 1000);
    String svg = Plots.svg("t", List.of(n));
    Map<String, Double> heights = new HashMap<>();
    Matcher m = Pattern.compile("<rect height=\"([0-9.]+)\" style=\"[^\"]*fill:rgb\\((127,127,127|31,119,180)\\)")
        .matcher(svg);
    while (m.find()) {
      heights.put(m.group(2), Double.parseDouble(m.group(1)));
    }
    assertThat(heights).hasSize(2);
    assertThat(heights.get("31,119,180") / heights.get("127,127,127")).isCloseTo(3.0, Offset.offset(0.01));
    assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 1280 520\"").doesNotContain("'Dialog'");
  }

  @Test
  void unknownExtensionIsAUserError() {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--order", "3,2,4,1", "--plot", dir.resolve("x.gif")
        .toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--plot must name a .png or .svg file");
  }
}
