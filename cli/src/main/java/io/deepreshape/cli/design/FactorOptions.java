package io.deepreshape.cli.design;

import picocli.CommandLine.Option;

/** {@code --f-max N} and {@code --alpha-max N}: the largest channel factors of a HybReNet family. */
public final class FactorOptions {
  @Option(names = "--f-max", paramLabel = "N", defaultValue = "8",
      description = "Largest channel factor for equalization (default: ${DEFAULT-VALUE}).")
  int fMax;

  @Option(names = "--alpha-max", paramLabel = "N", description = "Largest alpha of the family (default: f_max).")
  Integer alphaMax;

  int fMax() {
    return fMax;
  }

  int alphaMax() {
    return alphaMax == null ? fMax : alphaMax;
  }
}
