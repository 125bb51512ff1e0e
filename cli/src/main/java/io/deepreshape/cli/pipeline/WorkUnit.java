package io.deepreshape.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One independent unit of a pipeline's work: one training, one criticality run, one baseline-method
 * optimization, or the report. Units of a {@code group} are alike (an executor may run them as one job
 * array); a unit may start once every unit of the groups it {@code needs} is done. It writes only
 * {@code runDir}, and is done when {@code doneFile} exists.
 *
 * @param stage the criticality run's stage (0 for the all-linear run), else -1
 * @param method the baseline method of a method unit, else null
 * @param budget the ReLU budget of a HybReNet or method unit, else 0
 */
public record WorkUnit(String name, String group, Path runDir, Path doneFile, List<String> needs, int stage,
    String method, long budget) {

  public WorkUnit {
    needs = List.copyOf(needs);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("unit name must be letters, digits, '.', '_' or '-', was " + name);
    }
  }

  /** Whether the unit's result is on disk. */
  public boolean done() {
    return Files.isRegularFile(doneFile);
  }
}
