package io.deepreshape.cli.design;

import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.error.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --criticality FILE} and {@code --order LIST}: which criticality order to use. {@code --order}
 * overrides the file; with neither, the published default is used and announced on stderr.
 */
public final class CriticalityOptions {
  @Option(names = "--criticality", paramLabel = "FILE",
      description = "Criticality file (JSON: per-stage accuracy with only that stage's ReLUs, all-linear accuracy).")
  Path file;

  @Option(names = "--order", paramLabel = "LIST",
      description = "Criticality order, most critical first, e.g. 3,2,4,1 (overrides --criticality).")
  String order;

  /** The order for a {@code depth}-stage network; announces the default on {@code err}. */
  public CriticalityOrder resolve(int depth, PrintWriter err) {
    if (order != null) {
      return CriticalityOrder.parse(order, depth);
    }
    if (file != null) {
      CriticalityScores scores = CriticalityIo.read(file);
      if (scores.depth() != depth) {
        throw new UserInputException(file + " scores " + scores.depth() + " stages but the network has " + depth);
      }
      return scores.order("criticality file " + file.getFileName());
    }
    CriticalityOrder d = CriticalityOrder.defaultFor(depth);
    err.println("using the default criticality order " + d + " (DEEPRESHAPE.md section 4); "
        + "pass --criticality FILE to use measured scores");
    err.flush();
    return d;
  }
}
