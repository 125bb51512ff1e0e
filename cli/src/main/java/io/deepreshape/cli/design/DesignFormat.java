package io.deepreshape.cli.design;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.accounting.StageCost;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.cli.plot.Plots;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecIo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Small formatting and output helpers shared by the design commands. */
final class DesignFormat {
  private DesignFormat() {}

  /** Exact decimal without trailing zeros when it has at most 6 decimals (1.171875, 1.25, 1), else 4 decimals. */
  static String ratio(double r) {
    if (Double.isNaN(r)) {
      return "-";
    }
    BigDecimal exact = new BigDecimal(Double.toString(r)).stripTrailingZeros();
    return exact.scale() <= 6 ? exact.toPlainString() : String.format(java.util.Locale.ROOT, "%.4f", r);
  }

  static String ints(int[] v) {
    return IntStream.of(v).mapToObj(String::valueOf).collect(Collectors.joining(","));
  }

  static String widths(NetworkSpec s) {
    return s.stages().stream().map(x -> String.valueOf(x.width())).collect(Collectors.joining(","));
  }

  /** Paper's names for the factors: alpha, beta, gamma for 4 stages; f1..f(D-1) otherwise. */
  static String factorNames(int count) {
    if (count == 3) {
      return "alpha, beta, gamma";
    }
    return IntStream.rangeClosed(1, count).mapToObj(i -> "f" + i).collect(Collectors.joining(", "));
  }

  /** Share of each stage row's ReLUs (stem, S1..SD; the head only when it has ReLUs) in percent. */
  static List<String> shares(NetworkCost c) {
    return c.stages().stream().filter(s -> !(s.name().equals("head") && s.relus() == 0))
        .map(s -> Format.percent(c.relus() == 0 ? 0 : (double) s.relus() / c.relus())).toList();
  }

  static List<String> shareHeaders(NetworkCost c) {
    return c.stages().stream().filter(s -> !(s.name().equals("head") && s.relus() == 0)).map(StageCost::name).toList();
  }

  static void addAll(ArrayNode a, long[] v) {
    LongStream.of(v).forEach(a::add);
  }

  /** Writes {@code spec} to {@code dir/<name>.json} and returns the path. */
  static List<Path> writeSpecs(Path dir, List<NetworkSpec> specs, boolean force) {
    OutputFolder.refuseReplacing(dir, specs.stream().map(DesignFormat::specFileName).toList(), force, "--out");
    OutputFolder.create(dir, "--out");
    return specs.stream().map(s -> writeSpec(dir, s)).toList();
  }

  private static String specFileName(NetworkSpec spec) {
    return spec.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  private static Path writeSpec(Path dir, NetworkSpec spec) {
    try {
      Path f = dir.resolve(specFileName(spec));
      SpecIo.write(spec, f);
      return f;
    } catch (IOException e) {
      throw new UserException("cannot write spec to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes a spec to the given file (JSON or YAML by extension). */
  static void writeSpecFile(Path file, NetworkSpec spec, boolean force) {
    OutputFolder.refuseReplacingFile(file, force, "--out");
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      SpecIo.write(spec, file);
    } catch (IOException e) {
      throw new UserException("cannot write spec to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the figure, turning I/O problems into a user error naming the file. */
  static void plot(Path file, String title, List<PlotNetwork> networks) {
    try {
      Plots.write(file, title, networks);
    } catch (IOException e) {
      throw new UserException("cannot write plot " + file + ": " + e.getMessage(), e);
    }
  }
}
