package io.deepreshape.cli.pipeline.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.pipeline.PipelineFile;
import io.deepreshape.cli.pipeline.WorkUnit;
import io.deepreshape.cli.pipeline.WorkUnits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The job graph of a pipeline: arrays by group, afterok edges, MaxArraySize splits, and resubmission of only what is missing. */
class JobGraphTest {
  private static final List<WorkUnit> UNITS = WorkUnits.of(PipelineFile.parse("""
      name: g
      baseline: basech:8
      criticality: {epochs: 1}
      budgets: [30000, 50000]
      methods: [deepreduce, snl]
      """), 4, Path.of("out"));

  @Test
  void everyGroupIsOneJobOrArrayWaitingForTheGroupsItNeeds() {
    List<PlannedJob> plan = JobGraph.plan(UNITS, Set.of(), Map.of(), 1001);
    assertThat(plan).extracting(PlannedJob::group).containsExactly("teacher", "criticality", "candidates", "inputs",
        "methods", "report");
    assertThat(plan).extracting(PlannedJob::array).containsExactly(false, true, true, true, true, false);
    assertThat(plan.get(1).tasks()).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, "criticality-linear",
        1, "criticality-S1", 2, "criticality-S2", 3, "criticality-S3", 4, "criticality-S4")));
    assertThat(plan.get(2).tasks().values()).containsExactly("candidate-30000-1", "candidate-30000-2",
        "candidate-30000-3", "candidate-50000-1", "candidate-50000-2", "candidate-50000-3");
    assertThat(plan.get(3).tasks().values()).containsExactly("input-baseline-s42", "input-hybrenet-30000-s42",
        "input-hybrenet-50000-s42");
    assertThat(plan.get(4).tasks().values()).containsExactly("deepreduce-baseline-30000-s42",
        "snl-baseline-30000-s42", "deepreduce-hybrenet-30000-s42", "snl-hybrenet-30000-s42",
        "deepreduce-baseline-50000-s42", "snl-baseline-50000-s42", "deepreduce-hybrenet-50000-s42",
        "snl-hybrenet-50000-s42");
    assertThat(plan.get(0).after()).isEmpty();
    assertThat(plan.get(1).after()).isEmpty();
    assertThat(plan.get(2).after()).containsExactly(0, 1);
    assertThat(plan.get(3).after()).containsExactly(0, 1, 2);
    assertThat(plan.get(4).after()).containsExactly(0, 1, 2, 3);
    assertThat(plan.get(5).after()).containsExactly(0, 1, 2, 3, 4);
    assertThat(plan.get(1).arraySpec(2)).isEqualTo("0-4%2");
  }

  @Test
  void arraysLargerThanMaxArraySizeAreSplitAndDependentsWaitForEveryPart() {
    List<PlannedJob> plan = JobGraph.plan(UNITS, Set.of(), Map.of(), 2);
    List<PlannedJob> crit = plan.stream().filter(j -> j.group().equals("criticality")).toList();
    assertThat(crit).extracting(PlannedJob::part).containsExactly(0, 1, 2);
    assertThat(crit).extracting(j -> j.tasks().toString())
        .containsExactly("{0=criticality-linear, 1=criticality-S1}", "{0=criticality-S2, 1=criticality-S3}",
            "{0=criticality-S4}");
    PlannedJob cand = plan.stream().filter(j -> j.group().equals("candidates")).findFirst().orElseThrow();
    assertThat(cand.after()).containsExactly(0, 1, 2, 3);
    assertThat(plan).allSatisfy(j -> assertThat(j.tasks().lastKey()).isLessThan(2));
  }

  @Test
  void onlyMissingUnitsAreSubmittedKeepingTheirIndexAndWaitingForRunningOnes() {
    Set<String> done = UNITS.stream().map(WorkUnit::name)
        .filter(n -> n.startsWith("teacher") || (n.startsWith("criticality") && !n.endsWith("S2")
            && !n.endsWith("S3")))
        .collect(Collectors.toSet());
    Map<String, String> active = Map.of("criticality-S3", "41_3", "snl-baseline-50000-s42", "44_3");
    List<PlannedJob> plan = JobGraph.plan(UNITS, done, active, 1001);
    assertThat(plan).extracting(PlannedJob::group).containsExactly("criticality", "candidates", "inputs", "methods",
        "report");
    assertThat(plan.get(0).tasks()).containsExactlyEntriesOf(new TreeMap<>(Map.of(2, "criticality-S2")));
    assertThat(plan.get(0).arraySpec(3)).isEqualTo("2%3");
    assertThat(plan.get(1).after()).containsExactly(0);
    assertThat(plan.get(1).afterRunning()).containsExactly("41_3");
    assertThat(plan.get(3).tasks().keySet()).containsExactly(0, 1, 2, 3, 4, 6, 7);
    assertThat(plan.get(3).after()).containsExactly(0, 1, 2);
    assertThat(plan.get(4).afterRunning()).containsExactly("41_3", "44_3");
    assertThat(plan.get(4).after()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void nothingIsSubmittedWhenEveryUnitIsDoneOrQueued() {
    Set<String> done = UNITS.stream().map(WorkUnit::name).filter(n -> !n.equals("report")).collect(Collectors.toSet());
    assertThat(JobGraph.plan(UNITS, done, Map.of("report", "50"), 1001)).isEmpty();
  }

  @Test
  void arraySpecJoinsConsecutiveIndicesIntoRanges() {
    PlannedJob j = new PlannedJob("g", 0, true, new TreeMap<>(Map.of(0, "a", 1, "b", 2, "c", 5, "d", 7, "e", 8, "f")),
        List.of(), List.of());
    assertThat(j.arraySpec(0)).isEqualTo("0-2,5,7-8");
    assertThat(j.arraySpec(3)).isEqualTo("0-2,5,7-8%3");
  }
}
