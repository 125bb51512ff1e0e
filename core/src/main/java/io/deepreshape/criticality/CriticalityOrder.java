package io.deepreshape.criticality;

import io.deepreshape.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stages sorted from most to least critical (DEEPRESHAPE.md section 4): {@code stages.get(0)} is the
 * stage whose ReLUs matter most. Stages are counted from 1 (S1..SD); the list is a permutation of
 * 1..D. {@code source} says where the order came from (default, a criticality file, the command line).
 */
public record CriticalityOrder(List<Integer> stages, String source) {
  /** The published order for 4-stage ResNets on CIFAR-100 and TinyImageNet: S3 &gt; S2 &gt; S4 &gt; S1. */
  public static final List<Integer> PUBLISHED_4_STAGE = List.of(3, 2, 4, 1);
  /** Source label of the default order. */
  public static final String DEFAULT_SOURCE = "default, DEEPRESHAPE.md section 4";

  public CriticalityOrder {
    if (stages == null || stages.isEmpty()) {
      throw new SpecException("criticality order must list every stage once, was empty");
    }
    stages = List.copyOf(stages);
    boolean[] seen = new boolean[stages.size() + 1];
    for (int s : stages) {
      if (s < 1 || s > stages.size() || seen[s]) {
        throw new SpecException("criticality order must be a permutation of the stages 1.." + stages.size()
            + ", was " + stages);
      }
      seen[s] = true;
    }
    source = source == null || source.isBlank() ? "given" : source;
  }

  /** The default order for a network of {@code depth} stages; only 4-stage networks have a published one. */
  public static CriticalityOrder defaultFor(int depth) {
    if (depth != 4) {
      throw new SpecException("no published criticality order for a " + depth + "-stage network (the default "
          + "S3 > S2 > S4 > S1 is for 4 stages): pass --order with " + depth + " stages or --criticality FILE");
    }
    return new CriticalityOrder(PUBLISHED_4_STAGE, DEFAULT_SOURCE);
  }

  /** Parses {@code "3,2,4,1"} (or {@code "S3>S2>S4>S1"}) and checks it covers {@code depth} stages. */
  public static CriticalityOrder parse(String text, int depth) {
    List<Integer> stages = new ArrayList<>();
    String t = text == null ? "" : text.trim();
    for (String part : t.split("[,>\\s]+")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        stages.add(Integer.parseInt(p.startsWith("S") || p.startsWith("s") ? p.substring(1) : p));
      } catch (NumberFormatException e) {
        throw new SpecException("--order must list stage numbers most critical first, e.g. 3,2,4,1; was '" + text + "'");
      }
    }
    if (stages.size() != depth) {
      throw new SpecException("--order must list all " + depth + " stages of the network once, most critical first, "
          + "was '" + text + "'");
    }
    return new CriticalityOrder(stages, "--order " + t);
  }

  public int depth() {
    return stages.size();
  }

  /** Rank of stage {@code s} (0 = most critical). */
  public int rank(int stage) {
    int r = stages.indexOf(stage);
    if (r < 0) {
      throw new SpecException("stage " + stage + " is not in the criticality order " + this);
    }
    return r;
  }

  /** Stages from least to most critical: the order in which reductions are applied. */
  public List<Integer> leastCriticalFirst() {
    List<Integer> l = new ArrayList<>(stages);
    java.util.Collections.reverse(l);
    return List.copyOf(l);
  }

  /**
   * Whether per-stage ReLU counts ({@code relus[s-1]} for stage s) are strictly ordered like the
   * criticality: {@code R[order[0]] > R[order[1]] > ...}.
   */
  public boolean isSatisfiedBy(long[] stageRelus) {
    return firstViolation(stageRelus) < 0;
  }

  /** Index j of the first consecutive pair (order[j], order[j+1]) that is not strictly ordered, or -1. */
  public int firstViolation(long[] stageRelus) {
    if (stageRelus.length != stages.size()) {
      throw new SpecException("criticality order has " + stages.size() + " stages but the network has "
          + stageRelus.length);
    }
    for (int j = 0; j + 1 < stages.size(); j++) {
      if (stageRelus[stages.get(j) - 1] <= stageRelus[stages.get(j + 1) - 1]) {
        return j;
      }
    }
    return -1;
  }

  /** {@code "S3 > S2 > S4 > S1"}. */
  @Override
  public String toString() {
    return stages.stream().map(s -> "S" + s).collect(Collectors.joining(" > "));
  }

  /** {@code "3,2,4,1"}. */
  public String compact() {
    return stages.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
