package io.deepreshape.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One network of a pipeline over its seeds: the rows of the same method, input network and budget, with
 * the mean test top-1 and its range (min to max) over the seeds, the mean shown latency and the most
 * ReLUs any seed's network has.
 */
public record Aggregate(String method, String input, long budget, String label, int seeds, double meanTop1,
    double minTop1, double maxTop1, double latencyS, boolean measured, long relus, int epochs) {

  /** Groups {@code rows} by method, input and budget, in order of first appearance. */
  public static List<Aggregate> of(List<TrainedNetwork> rows) {
    Map<String, List<TrainedNetwork>> groups = new LinkedHashMap<>();
    for (TrainedNetwork n : rows) {
      groups.computeIfAbsent(n.method() + "|" + n.input() + "|" + n.budget(), k -> new ArrayList<>()).add(n);
    }
    List<Aggregate> out = new ArrayList<>();
    for (List<TrainedNetwork> g : groups.values()) {
      TrainedNetwork first = g.get(0);
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double latency = 0;
      long relus = 0;
      for (TrainedNetwork n : g) {
        sum += n.top1();
        min = Math.min(min, n.top1());
        max = Math.max(max, n.top1());
        latency += n.shownLatencyS();
        relus = Math.max(relus, n.relus());
      }
      boolean measured = g.stream().allMatch(n -> n.measuredLatencyS() != null);
      out.add(new Aggregate(first.method(), first.input(), first.budget(), first.label(), g.size(), sum / g.size(),
          min, max, latency / g.size(), measured, relus, first.epochs()));
    }
    return out;
  }

  /** What produced it, in words: "deepreduce on baseline", "hybrenet", "baseline". */
  public String what() {
    return what(method, input);
  }

  public static String what(String method, String input) {
    return method.equals(input) || input == null ? method : method + " on " + input;
  }

  /** "92.31% (92.10-92.52, 2 seeds)", or "92.31% (1 seed)". */
  public String accuracyText() {
    if (seeds == 1) {
      return String.format(Locale.ROOT, "%.2f%% (1 seed)", 100 * meanTop1);
    }
    return String.format(Locale.ROOT, "%.2f%% (%.2f-%.2f, %d seeds)", 100 * meanTop1, 100 * minTop1, 100 * maxTop1,
        seeds);
  }

  /**
   * Whether this network is more accurate than {@code other}: held when every seed of this one beats every
   * seed of the other (the ranges do not overlap), not held when every seed is below, within noise otherwise.
   * With one seed there is no range, and the sign alone decides.
   */
  public String moreAccurateThan(Aggregate other) {
    if (minTop1 > other.maxTop1) {
      return "held";
    }
    if (maxTop1 < other.minTop1) {
      return "not held";
    }
    return "within noise";
  }
}
