package io.deepreshape.cli.plot;

import io.deepreshape.error.UserInputException;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Element;

/**
 * Writes the DeepReShape figure (stage ReLU distribution beside ReLUs vs FLOPs with the Pareto front)
 * as PNG or SVG, chosen by the file extension: the same JFreeChart drawing on an image or on Batik's
 * SVG {@link Graphics2D}.
 */
public final class Plots {
  public static final int PANEL_WIDTH = 640;
  public static final int HEIGHT = 520;

  private Plots() {}

  /** Writes the figure; fails with a user error for an extension other than png or svg. */
  public static void write(Path file, String title, List<PlotNetwork> networks) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (networks.isEmpty()) {
      throw new UserInputException("nothing to plot: no networks");
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (name.endsWith(".svg")) {
      Files.writeString(file, svg(title, networks), StandardCharsets.UTF_8);
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
      draw(g, title, networks);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Both charts side by side as one {@code <svg>} element (text kept as text). */
  public static String svg(String title, List<PlotNetwork> networks) throws IOException {
    SVGGraphics2D g;
    try {
      g = new SVGGraphics2D(DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML document builder", e);
    }
    g.setSVGCanvasSize(new Dimension(2 * PANEL_WIDTH, HEIGHT));
    draw(g, title, networks);
    Element root = g.getRoot();
    root.setAttribute("viewBox", "0 0 " + 2 * PANEL_WIDTH + " " + HEIGHT);
    // the default font is Java's logical "Dialog", which no browser knows
    root.setAttribute("font-family", "sans-serif");
    StringWriter out = new StringWriter();
    g.stream(root, out, true, false);
    g.dispose();
    String doc = out.toString();
    return doc.substring(doc.indexOf("<svg"));   // no XML prolog: the element also works inline in HTML
  }

  private static void draw(Graphics2D g, String title, List<PlotNetwork> networks) {
    Charts.stageDistribution(title + ": stage ReLU distribution", networks)
        .draw(g, new Rectangle2D.Double(0, 0, PANEL_WIDTH, HEIGHT));
    Charts.reluFlops(title + ": ReLUs vs FLOPs", networks)
        .draw(g, new Rectangle2D.Double(PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
  }
}
