package io.deepreshape.cli.pipeline;

import io.deepreshape.train.trainer.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a pipeline splits into units, and where each writes. The teachers (one per seed) and the
 * criticality runs need nothing; the design candidates need both; the input networks and the HybReNet
 * replicas of later seeds need the candidates (the chosen HybReNet decides the {@code hybrenet} input);
 * the ReLU optimizations need their input networks; the report needs everything.
 */
public final class WorkUnits {
  public static final String TEACHER = "teacher";
  public static final String CRITICALITY = "criticality";
  public static final String CANDIDATES = "candidates";
  public static final String INPUTS = "inputs";
  public static final String METHODS = "methods";
  public static final String REPORT = "report";

  private WorkUnits() {}

  /** The units of {@code c} for a baseline of {@code depth} stages, in the order the local executor runs them. */
  public static List<WorkUnit> of(PipelineConfig c, int depth, Path out) {
    List<WorkUnit> units = new ArrayList<>();
    for (long seed : c.seeds()) {
      units.add(training("teacher-s" + seed, TEACHER, teacherRun(out, seed), List.of(), -1, null, 0, seed, null, -1));
    }
    if (c.criticalityEpochs() > 0) {
      for (int k = 0; k <= depth; k++) {
        String label = k == 0 ? "linear" : "S" + k;
        units.add(training("criticality-" + label, CRITICALITY, criticalityDir(out).resolve(label), List.of(), k,
            null, 0, c.firstSeed(), null, -1));
      }
    }
    for (long budget : c.budgets()) {
      for (int i = 0; i < c.topK(); i++) {
        units.add(training("candidate-" + budget + "-" + (i + 1), CANDIDATES, candidateRun(out, budget, i),
            List.of(TEACHER, CRITICALITY), -1, null, budget, c.firstSeed(), null, i));
      }
    }
    List<String> afterChoice = List.of(TEACHER, CRITICALITY, CANDIDATES);
    for (long seed : c.seeds()) {
      if (seed != c.firstSeed()) {
        for (long budget : c.budgets()) {
          units.add(training("hybrenet-" + budget + "-s" + seed, INPUTS, hybrenetReplicaRun(out, seed, budget),
              afterChoice, -1, null, budget, seed, null, -1));
        }
      }
      for (String input : c.inputs()) {
        for (long budget : inputBudgets(c, input)) {
          units.add(training("input-" + inputKey(input, budget) + "-s" + seed, INPUTS, inputRun(out, seed, input,
              budget), afterChoice, -1, null, budget, seed, input, -1));
        }
      }
    }
    List<String> afterInputs = List.of(TEACHER, CRITICALITY, CANDIDATES, INPUTS);
    for (long seed : c.seeds()) {
      for (long budget : c.budgets()) {
        for (String input : c.inputs()) {
          for (String method : c.methods()) {
            units.add(training(method + "-" + input + "-" + budget + "-s" + seed, METHODS,
                methodRun(out, seed, method, input, budget), afterInputs, -1, method, budget, seed, input, -1));
          }
        }
      }
    }
    Path report = out.resolve("report");
    units.add(new WorkUnit("report", REPORT, report, report.resolve("report.html"),
        List.of(TEACHER, CRITICALITY, CANDIDATES, INPUTS, METHODS), -1, null, 0, c.firstSeed(), null, -1));
    return units;
  }

  /** The {@code hybrenet} input is a different network at each budget; the others are one network for all. */
  static List<Long> inputBudgets(PipelineConfig c, String input) {
    return input.equals("hybrenet") ? c.budgets() : List.of(0L);
  }

  private static String inputKey(String input, long budget) {
    return input.equals("hybrenet") ? "hybrenet-" + budget : input;
  }

  private static WorkUnit training(String name, String group, Path run, List<String> needs, int stage, String method,
      long budget, long seed, String input, int index) {
    return new WorkUnit(name, group, run, new RunDirectory(run).finalParamsFile(), needs, stage, method, budget, seed,
        input, index);
  }

  static Path seedDir(Path out, long seed) {
    return out.resolve("runs/s" + seed);
  }

  static Path teacherRun(Path out, long seed) {
    return seedDir(out, seed).resolve("teacher");
  }

  static Path criticalityDir(Path out) {
    return out.resolve("criticality");
  }

  static Path candidateRun(Path out, long budget, int index) {
    return out.resolve("runs/candidates/" + budget + "-" + (index + 1));
  }

  static Path hybrenetReplicaRun(Path out, long seed, long budget) {
    return seedDir(out, seed).resolve("hybrenet-" + budget);
  }

  /** {@code budget} matters only for the {@code hybrenet} input. */
  static Path inputRun(Path out, long seed, String input, long budget) {
    return seedDir(out, seed).resolve("input-" + inputKey(input, budget));
  }

  static Path methodRun(Path out, long seed, String method, String input, long budget) {
    return seedDir(out, seed).resolve(method + "-" + input + "-" + budget);
  }

  static Path choicesFile(Path out) {
    return out.resolve("choices.json");
  }
}
