package io.deepreshape.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeds grouped into one network, and claims called held, not held or within noise from the seeds' ranges. */
class AggregateTest {
  private static TrainedNetwork row(String method, String input, long budget, long seed, double top1, double latency) {
    return new TrainedNetwork(method + "-" + budget, method, input, budget, seed, 1000, 2000, 3000, 9.0, latency, 10,
        top1, top1, "spec.yaml", "run");
  }

  @Test
  void seedsOfOneNetworkBecomeMeanAndRange() {
    List<Aggregate> a = Aggregate.of(List.of(row("snl", "baseline", 20, 42, 0.80, 2.0),
        row("hybrenet", "hybrenet", 20, 42, 0.90, 1.0), row("snl", "baseline", 20, 43, 0.84, 4.0)));
    assertThat(a).hasSize(2);
    Aggregate snl = a.get(0);
    assertThat(snl.seeds()).isEqualTo(2);
    assertThat(snl.meanTop1()).isEqualTo(0.82, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(snl.minTop1()).isEqualTo(0.80);
    assertThat(snl.maxTop1()).isEqualTo(0.84);
    assertThat(snl.latencyS()).isEqualTo(3.0);
    assertThat(snl.measured()).isTrue();
    assertThat(snl.accuracyText()).isEqualTo("82.00% (80.00-84.00, 2 seeds)");
    assertThat(snl.what()).isEqualTo("snl on baseline");
    assertThat(a.get(1).what()).isEqualTo("hybrenet");
  }

  @Test
  void aClaimHoldsOnlyWhenTheRangesDoNotOverlap() {
    Aggregate low = Aggregate.of(List.of(row("snl", "baseline", 20, 42, 0.80, 1), row("snl", "baseline", 20, 43, 0.82,
        1))).get(0);
    Aggregate high = Aggregate.of(List.of(row("hybrenet", "hybrenet", 20, 42, 0.83, 1),
        row("hybrenet", "hybrenet", 20, 43, 0.85, 1))).get(0);
    Aggregate overlapping = Aggregate.of(List.of(row("hybrenet", "hybrenet", 20, 42, 0.81, 1),
        row("hybrenet", "hybrenet", 20, 43, 0.90, 1))).get(0);
    assertThat(high.moreAccurateThan(low)).isEqualTo("held");
    assertThat(low.moreAccurateThan(high)).isEqualTo("not held");
    // the mean gap (+3.5 points) is larger than high's, but 81% lies inside low's 80-82% range
    assertThat(overlapping.moreAccurateThan(low)).isEqualTo("within noise");
    Comparison.IsoRelu r = Comparison.isoRelu(List.of(overlapping, low)).get(0);
    assertThat(r.verdict()).isEqualTo("within noise");
    assertThat(r.accuracyGain()).isEqualTo(0.045, org.assertj.core.data.Offset.offset(1e-12));
  }
}
