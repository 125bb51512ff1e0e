package io.deepreshape.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One independent unit of a pipeline's work: one training, one criticality run, one ReLU optimization,
 * or the report. Units of a {@code group} are alike (an executor may run them as one job array); a unit
 * may start once every unit of the groups it {@code needs} is done. It writes only {@code runDir}, and is
 * done when {@code doneFile} exists, or when it found it had nothing to train ({@link Absent}).
 *
 * @param stage the criticality run's stage (0 for the all-linear run), else -1
 * @param method the ReLU optimization of a method unit, else null
 * @param budget the ReLU budget of a candidate, HybReNet, budget-bound input or method unit, else 0
 * @param seed the training seed of the unit
 * @param input the input network label of an input or method unit ({@code baseline}, {@code hybrenet} or a
 *     family member's name), else null
 * @param index the design candidate's index (0-based) of a candidate unit, else -1
 */
public record WorkUnit(String name, String group, Path runDir, Path doneFile, List<String> needs, int stage,
    String method, long budget, long seed, String input, int index) {

  public WorkUnit {
    needs = List.copyOf(needs);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("unit name must be letters, digits, '.', '_' or '-', was " + name);
    }
  }

  /** Whether the unit's result is on disk (or it is known to have none). */
  public boolean done() {
    return Files.isRegularFile(doneFile) || Absent.in(runDir);
  }
}
