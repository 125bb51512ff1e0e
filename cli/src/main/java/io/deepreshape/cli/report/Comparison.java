package io.deepreshape.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The paper's two headline comparisons (DEEPRESHAPE.md sections 7 and 10), computed from trained
 * networks: at iso-ReLU (the same budget) the HybReNet's accuracy gain and latency ratio against each
 * baseline method; at iso-accuracy the cheapest HybReNet that is at least as accurate as each baseline
 * network, and the latency ratio.
 */
public final class Comparison {
  /** One iso-ReLU row: at {@code budget}, the HybReNet against {@code other}. */
  public record IsoRelu(long budget, TrainedNetwork hybrenet, TrainedNetwork other) {
    public double accuracyGain() {
      return hybrenet.top1() - other.top1();
    }

    /** How many times faster the HybReNet is (other's latency over the HybReNet's). */
    public double speedup() {
      return other.latencyS() / hybrenet.latencyS();
    }
  }

  /** One iso-accuracy row: the fastest HybReNet at least as accurate as {@code other}, if any. */
  public record IsoAccuracy(TrainedNetwork other, Optional<TrainedNetwork> hybrenet) {
    public double speedup() {
      return hybrenet.map(h -> other.latencyS() / h.latencyS()).orElse(Double.NaN);
    }
  }

  private Comparison() {}

  public static List<IsoRelu> isoRelu(List<TrainedNetwork> nets) {
    List<IsoRelu> rows = new ArrayList<>();
    for (TrainedNetwork h : nets) {
      if (!h.method().equals("hybrenet") || h.budget() == 0) {
        continue;
      }
      for (TrainedNetwork o : nets) {
        if (!o.method().equals("hybrenet") && o.budget() == h.budget()) {
          rows.add(new IsoRelu(h.budget(), h, o));
        }
      }
    }
    rows.sort(Comparator.comparingLong(IsoRelu::budget).thenComparing(r -> r.other().method()));
    return rows;
  }

  public static List<IsoAccuracy> isoAccuracy(List<TrainedNetwork> nets) {
    List<IsoAccuracy> rows = new ArrayList<>();
    for (TrainedNetwork o : nets) {
      if (o.method().equals("hybrenet")) {
        continue;
      }
      Optional<TrainedNetwork> best = nets.stream().filter(h -> h.method().equals("hybrenet"))
          .filter(h -> h.top1() >= o.top1()).min(Comparator.comparingDouble(TrainedNetwork::latencyS));
      rows.add(new IsoAccuracy(o, best));
    }
    return rows;
  }
}
