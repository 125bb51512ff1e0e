package io.deepreshape.cli.pipeline;

import io.deepreshape.train.trainer.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a pipeline splits into units, and where each writes. The baseline teacher and the criticality
 * runs need nothing; each HybReNet (designed and trained at one budget) and each baseline method at
 * one budget needs the teacher and the whole criticality measurement; the report needs everything.
 */
public final class WorkUnits {
  public static final String BASELINE = "baseline";
  public static final String CRITICALITY = "criticality";
  public static final String HYBRENET = "hybrenet";
  public static final String METHODS = "methods";
  public static final String REPORT = "report";

  private WorkUnits() {}

  /** The units of {@code c} for a baseline of {@code depth} stages, in the order the local executor runs them. */
  public static List<WorkUnit> of(PipelineConfig c, int depth, Path out) {
    List<WorkUnit> units = new ArrayList<>();
    units.add(training("baseline", BASELINE, baselineRun(out), List.of(), -1, null, 0));
    if (c.criticalityEpochs() > 0) {
      for (int k = 0; k <= depth; k++) {
        String label = k == 0 ? "linear" : "S" + k;
        units.add(training("criticality-" + label, CRITICALITY, criticalityDir(out).resolve(label), List.of(), k,
            null, 0));
      }
    }
    List<String> trainedNeeds = List.of(BASELINE, CRITICALITY);
    for (long budget : c.budgets()) {
      units.add(training("hybrenet-" + budget, HYBRENET, hybrenetRun(out, budget), trainedNeeds, -1, null, budget));
    }
    for (long budget : c.budgets()) {
      for (String method : c.methods()) {
        units.add(training(method + "-" + budget, METHODS, methodRun(out, method, budget), trainedNeeds, -1, method,
            budget));
      }
    }
    Path report = out.resolve("report");
    units.add(new WorkUnit("report", REPORT, report, report.resolve("report.html"),
        List.of(BASELINE, CRITICALITY, HYBRENET, METHODS), -1, null, 0));
    return units;
  }

  private static WorkUnit training(String name, String group, Path run, List<String> needs, int stage, String method,
      long budget) {
    return new WorkUnit(name, group, run, new RunDirectory(run).finalParamsFile(), needs, stage, method, budget);
  }

  static Path baselineRun(Path out) {
    return out.resolve("runs/baseline");
  }

  static Path criticalityDir(Path out) {
    return out.resolve("criticality");
  }

  static Path hybrenetRun(Path out, long budget) {
    return out.resolve("runs/hybrenet-" + budget);
  }

  static Path methodRun(Path out, String method, long budget) {
    return out.resolve("runs/" + method + "-" + budget);
  }
}
