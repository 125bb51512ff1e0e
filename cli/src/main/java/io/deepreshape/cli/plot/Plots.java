package io.deepreshape.cli.plot;

import io.deepreshape.error.UserInputException;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes the DeepReShape figure (stage ReLU distribution beside ReLUs vs FLOPs with the Pareto front)
 * as PNG (JFreeChart) or SVG, chosen by the file extension.
 */
public final class Plots {
  public static final int PANEL_WIDTH = 640;
  public static final int HEIGHT = 520;

  private Plots() {}

  /** Writes the figure; fails with an {@link IllegalArgumentException} for an extension other than png or svg. */
  public static void write(Path file, String title, List<PlotNetwork> networks) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (networks.isEmpty()) {
      throw new UserInputException("nothing to plot: no networks");
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (name.endsWith(".svg")) {
      Files.writeString(file, SvgCharts.figure(title, networks), StandardCharsets.UTF_8);
    } else if (name.endsWith(".png")) {
      ImageIO.write(png(title, networks), "png", file.toFile());
    } else {
      throw new UserInputException("--plot must name a .png or .svg file, was " + file);
    }
  }

  /** Both charts side by side on one image. */
  public static BufferedImage png(String title, List<PlotNetwork> networks) {
    BufferedImage img = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      Charts.stageDistribution(title + ": stage ReLU distribution", networks)
          .draw(g, new Rectangle2D.Double(0, 0, PANEL_WIDTH, HEIGHT));
      Charts.reluFlops(title + ": ReLUs vs FLOPs", networks)
          .draw(g, new Rectangle2D.Double(PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    return img;
  }
}
