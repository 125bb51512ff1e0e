package io.deepreshape.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The paper's two headline comparisons (DEEPRESHAPE.md sections 7 and 10), over seeds: at iso-ReLU (the
 * same budget) the HybReNet's accuracy gain and latency ratio against each ReLU optimization of each input
 * network; at iso-accuracy the fastest HybReNet at least as accurate (in the mean) as each other network.
 */
public final class Comparison {
  /** One iso-ReLU row: at {@code budget}, the HybReNet against {@code other}. */
  public record IsoRelu(long budget, Aggregate hybrenet, Aggregate other) {
    public double accuracyGain() {
      return hybrenet.meanTop1() - other.meanTop1();
    }

    /** How many times faster the HybReNet is (other's latency over the HybReNet's). */
    public double speedup() {
      return other.latencyS() / hybrenet.latencyS();
    }

    /** Whether "the HybReNet is more accurate" held, was not held, or is within the seeds' noise. */
    public String verdict() {
      return hybrenet.moreAccurateThan(other);
    }
  }

  /** One iso-accuracy row: the fastest HybReNet at least as accurate as {@code other}, if any. */
  public record IsoAccuracy(Aggregate other, Optional<Aggregate> hybrenet) {
    public double speedup() {
      return hybrenet.map(h -> other.latencyS() / h.latencyS()).orElse(Double.NaN);
    }
  }

  private Comparison() {}

  public static List<IsoRelu> isoRelu(List<Aggregate> nets) {
    List<IsoRelu> rows = new ArrayList<>();
    for (Aggregate h : nets) {
      if (!h.method().equals("hybrenet") || h.budget() == 0) {
        continue;
      }
      for (Aggregate o : nets) {
        if (!o.method().equals("hybrenet") && o.budget() == h.budget()) {
          rows.add(new IsoRelu(h.budget(), h, o));
        }
      }
    }
    rows.sort(Comparator.comparingLong(IsoRelu::budget).thenComparing(r -> r.other().what()));
    return rows;
  }

  public static List<IsoAccuracy> isoAccuracy(List<Aggregate> nets) {
    List<IsoAccuracy> rows = new ArrayList<>();
    for (Aggregate o : nets) {
      if (o.method().equals("hybrenet")) {
        continue;
      }
      Optional<Aggregate> best = nets.stream().filter(h -> h.method().equals("hybrenet"))
          .filter(h -> h.meanTop1() >= o.meanTop1()).min(Comparator.comparingDouble(Aggregate::latencyS));
      rows.add(new IsoAccuracy(o, best));
    }
    return rows;
  }
}
