package io.deepreshape.cli.pipeline.slurm;

import io.deepreshape.cli.pipeline.WorkUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a pipeline's units into sbatch submissions: one per group of like units (a job array when the group
 * has more than one unit, split into parts of at most MaxArraySize), holding only the units that are neither
 * done nor queued or running, each waiting ({@code afterok}) for the unfinished units of the groups it needs.
 * A unit keeps its position in its group as its array index, so a resubmitted task has the index it had.
 */
public final class JobGraph {
  private JobGraph() {}

  /**
   * @param active the Slurm job id ({@code JOB} or {@code JOB_TASK}) of every unit queued or running now
   * @param maxArraySize the cluster's MaxArraySize (array indices must be below it)
   * @param done whether each unit is done, by name
   */
  public static List<PlannedJob> plan(List<WorkUnit> units, Set<String> done, Map<String, String> active,
      int maxArraySize) {
    if (maxArraySize < 1) {
      throw new IllegalArgumentException("MaxArraySize must be >= 1, was " + maxArraySize);
    }
    Map<String, List<WorkUnit>> groups = new LinkedHashMap<>();
    units.forEach(u -> groups.computeIfAbsent(u.group(), g -> new ArrayList<>()).add(u));
    List<PlannedJob> jobs = new ArrayList<>();
    Map<String, Integer> jobOfUnit = new LinkedHashMap<>();
    for (List<WorkUnit> group : groups.values()) {
      WorkUnit first = group.get(0);
      boolean array = group.size() > 1;
      Map<Integer, TreeMap<Integer, String>> parts = new TreeMap<>();
      for (int pos = 0; pos < group.size(); pos++) {
        WorkUnit u = group.get(pos);
        if (!done.contains(u.name()) && !active.containsKey(u.name())) {
          parts.computeIfAbsent(pos / maxArraySize, p -> new TreeMap<>()).put(pos % maxArraySize, u.name());
        }
      }
      Set<Integer> after = new LinkedHashSet<>();
      Set<String> afterRunning = new LinkedHashSet<>();
      for (WorkUnit need : units) {
        if (!first.needs().contains(need.group()) || done.contains(need.name())) {
          continue;
        }
        if (active.containsKey(need.name())) {
          afterRunning.add(active.get(need.name()));
        } else if (jobOfUnit.containsKey(need.name())) {
          after.add(jobOfUnit.get(need.name()));
        } else {
          throw new IllegalArgumentException("unit " + need.name() + " must come before the units that need it");
        }
      }
      for (Map.Entry<Integer, TreeMap<Integer, String>> part : parts.entrySet()) {
        jobs.add(new PlannedJob(first.group(), part.getKey(), array, part.getValue(), new ArrayList<>(after),
            new ArrayList<>(afterRunning)));
        part.getValue().values().forEach(name -> jobOfUnit.put(name, jobs.size() - 1));
      }
    }
    return jobs;
  }
}
