package io.deepreshape.latency;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import java.util.List;

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
}
