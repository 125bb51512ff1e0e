package io.deepreshape.cli.pipeline.slurm;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One sbatch submission of a plan: a plain job (one unit, {@code array == false}, its task at index 0) or
 * a job array whose task index maps to a unit. It waits for the jobs of the plan at {@code after}
 * (positions in the plan) and for the already queued or running jobs {@code afterRunning} (Slurm job ids,
 * {@code JOB_TASK} for an array task).
 *
 * @param part which piece of the group when the group is larger than the cluster's MaxArraySize (from 0)
 */
public record PlannedJob(String group, int part, boolean array, SortedMap<Integer, String> tasks, List<Integer> after,
    List<String> afterRunning) {

  public PlannedJob {
    tasks = new TreeMap<>(tasks);
    after = List.copyOf(after);
    afterRunning = List.copyOf(afterRunning);
    if (tasks.isEmpty() || (!array && tasks.size() != 1)) {
      throw new IllegalArgumentException("a job runs one unit and an array at least one, had " + tasks);
    }
  }

  /** The sbatch {@code --array} value for these tasks, with at most {@code parallel} at once (0: no throttle). */
  public String arraySpec(int parallel) {
    StringBuilder s = new StringBuilder();
    int start = -1;
    int prev = -2;
    for (int i : tasks.keySet()) {
      if (i != prev + 1) {
        range(s, start, prev);
        start = i;
      }
      prev = i;
    }
    range(s, start, prev);
    return s + (parallel > 0 ? "%" + parallel : "");
  }

  private static void range(StringBuilder s, int from, int to) {
    if (from < 0) {
      return;
    }
    s.append(s.length() > 0 ? "," : "").append(from == to ? String.valueOf(from) : from + "-" + to);
  }
}
