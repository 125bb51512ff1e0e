package io.deepreshape.cli.plot;

import io.deepreshape.accounting.NetworkCost;
import java.util.List;
import java.util.Objects;

/**
 * One network in a chart: a short label, the group it is drawn with in the scatter (e.g. "candidates",
 * "baseline"), ReLUs per accounting row ({@code stem, S1..SD}, head rows with no ReLUs dropped),
 * total ReLUs and FLOPs.
 */
public record PlotNetwork(String label, String group, List<String> stageNames, List<Long> stageRelus, long relus,
    long macs) {
  public static final String DEFAULT_GROUP = "networks";

  public PlotNetwork {
    Objects.requireNonNull(label, "label");
    group = group == null || group.isBlank() ? DEFAULT_GROUP : group;
    stageNames = List.copyOf(stageNames);
    stageRelus = List.copyOf(stageRelus);
    if (stageNames.size() != stageRelus.size()) {
      throw new IllegalArgumentException("stage names and ReLU counts differ in length");
    }
  }

  /** From an accounting, in the default group. */
  public static PlotNetwork of(String label, NetworkCost cost) {
    return of(label, DEFAULT_GROUP, cost);
  }

  /** From an accounting: every stage row except a head without ReLUs. */
  public static PlotNetwork of(String label, String group, NetworkCost cost) {
    List<String> names = new java.util.ArrayList<>();
    List<Long> relus = new java.util.ArrayList<>();
    for (var s : cost.stages()) {
      if (s.name().equals("head") && s.relus() == 0) {
        continue;
      }
      names.add(s.name());
      relus.add(s.relus());
    }
    return new PlotNetwork(label, group, names, relus, cost.relus(), cost.macs());
  }
}
