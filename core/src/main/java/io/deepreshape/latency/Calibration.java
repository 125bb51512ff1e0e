package io.deepreshape.latency;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;

/** Compares a profile's estimates with the measurements it lists (DEEPRESHAPE.md section 7: report the fit error). */
public final class Calibration {
  /** One measured point next to the model's estimate on the loopback setting. */
  public record Row(CalibrationPoint point, LatencyEstimate estimate) {
    public double offlineError() {
      return estimate.offlineS() / point.offlineSeconds() - 1;
    }

    public double onlineError() {
      return estimate.onlineS() / point.onlineSeconds() - 1;
    }
  }

  private Calibration() {}

  public static List<Row> check(Profile profile) {
    NetworkSetting loopback = Profiles.network("loopback");
    return profile.calibration().stream()
        .map(p -> new Row(p, LatencyModel.estimate(Accounting.of(Presets.build(p.preset(), Dataset.parse(p.dataset()))),
            profile, loopback)))
        .toList();
  }

  /** The row of the point that measured {@code spec} (the same network under any name), if any. */
  public static Optional<Row> forSpec(Profile profile, NetworkSpec spec) {
    return check(profile).stream()
        .filter(r -> Presets.build(r.point().preset(), Dataset.parse(r.point().dataset())).withName(spec.name())
            .equals(spec))
        .reduce((a, b) -> b);
  }

  /** The largest absolute offline and online errors over a profile's points, {0, 0} without points. */
  public static double[] largestErrors(Profile profile) {
    double off = 0;
    double on = 0;
    for (Row r : check(profile)) {
      off = Math.max(off, Math.abs(r.offlineError()));
      on = Math.max(on, Math.abs(r.onlineError()));
    }
    return new double[] {off, on};
  }
}
