package io.deepreshape.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyModelTest {
  private final NetworkCost resnet18 = Accounting.of(Presets.build("resnet18", Dataset.CIFAR100));
  private final NetworkSetting loopback = Profiles.network("loopback");

  @Test
  void resnet18ReproducesDelphisOrderOfMagnitude() {
    // DEEPRESHAPE.md section 7: about 330 s offline, about 90% HE, about 15 s online.
    LatencyEstimate e = LatencyModel.estimate(resnet18, Profiles.defaultProfile(), loopback);
    assertThat(e.offlineS()).isBetween(330 * 0.85, 330 * 1.15);
    assertThat(e.offlineLinearS() / e.offlineS()).isBetween(0.85, 0.95);
    assertThat(e.onlineS()).isBetween(15 * 0.85, 15 * 1.15);
    // hand calculation with the profile's constants: 0.5 us x 555,468,800 + 55 us x 557,056
    assertThat(e.offlineS()).isCloseTo(0.5e-6 * 555_468_800 + 55e-6 * 557_056, within(1e-6));
    // Delphi's logged offline download is 10.3 GB (PI-COSTS.md).
    assertThat(e.offlineBytesDown() / 1e9).isBetween(10.0, 10.6);
  }

  @Test
  void everyFittedPointIsWithinItsBoundAndHeldOutOnesWithinTheirs() {
    // a held-out point checks how the model extrapolates to a shape it was not fitted on, so it
    // is held to a looser bound; the profile records each point's error either way. Online, the
    // fitted networks (CIFAR and Fashion-MNIST shapes, no max-pool) do not separate the costs per
    // ReLU, per MAC and per layer well: fitted to the whole online time, the refits of 2026-12-03
    // missed basech:8 on ImageNet (a max-pool stem at 224x224) by -53%; the sixth, with the cost
    // per MAC fitted to the measured wait for the linear layers, by -27.5%. Held-out online errors
    // are bounded at 60% until the model has terms for depth and the stem
    // (docs/results/pi-engine.md, "A fourth refit" and "A sixth refit"). Fitted online errors are
    // bounded at 20%: the eighth refit (measured in rounds, on the engine with the client's store
    // arrays reused) misses the deepest fitted network, hybrenet:4,5,5,2, by -16.1% online, whose
    // fastest of five runs the model still misses by -7%, while the profile it replaced missed the
    // same engine by +18% to +56% online (pi-engine.md, "A refit measured in rounds")
    for (String name : Profiles.BUILT_IN) {
      for (Calibration.Row r : Calibration.check(Profiles.load(name))) {
        boolean out = r.point().heldOut();
        String what = (out ? " (held out) " : " ") + r.point().preset() + "@" + r.point().dataset();
        assertThat(Math.abs(r.offlineError())).as(name + " offline" + what).isLessThan(out ? 0.25 : 0.15);
        assertThat(Math.abs(r.onlineError())).as(name + " online" + what).isLessThan(out ? 0.60 : 0.20);
      }
    }
  }

  @Test
  void aCulledElementCostsTheProfilesFractionOfAReLU() {
    // hybrenet:8,2,2,2 on 32x32 with S1's four ReLU layers (8 x 32 x 32 each) culled:
    // 69,632 - 4 x 8,192 = 36,864 ReLUs and 32,768 culled elements
    NetworkSpec culled = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC).withReluModes(Map.of(
        ReluAddress.of(1, 1, 1), ReluMode.IDENTITY, ReluAddress.of(1, 1, 2), ReluMode.IDENTITY,
        ReluAddress.of(1, 2, 1), ReluMode.IDENTITY, ReluAddress.of(1, 2, 2), ReluMode.IDENTITY));
    var layers = Accounting.of(culled).layers();
    assertThat(LatencyModel.counts(layers, 1, 4096, 0).reluEq()).isEqualTo(36_864);
    assertThat(LatencyModel.counts(layers, 1, 4096, 0.75).reluEq()).isEqualTo(36_864 + 0.75 * 32_768);
    // the culled layers still run as garbled layers, so they count for the per-layer online cost
    assertThat(LatencyModel.counts(layers, 1, 4096, 0.75).reluLayers())
        .isEqualTo(LatencyModel.counts(layers, 1, 4096, 0).reluLayers() + 4);
  }

  @Test
  void reluOnlyProfileIgnoresFlops() {
    Profile p = Profiles.load("relu-only");
    NetworkCost wide = Accounting.of(Presets.build("stagech:64,2", Dataset.CIFAR100));
    NetworkCost widerDeep = Accounting.of(Presets.build("hybrenet:64,2,2,4", Dataset.CIFAR100));
    // same ReLUs in S1..S3; S4 doubles -> compare against hand numbers
    assertThat(LatencyModel.estimate(resnet18, p, loopback).totalS()).isCloseTo(80e-6 * 557_056, within(1e-9));
    assertThat(LatencyModel.estimate(wide, p, loopback).totalS())
        .isCloseTo(LatencyModel.estimate(resnet18, p, loopback).totalS(), within(1e-9));
    assertThat(widerDeep.macs()).isGreaterThan(wide.macs());
  }

  @Test
  void reuseElementsCostTheProfilesFraction() {
    NetworkSpec s = Presets.build("resnet18", Dataset.CIFAR100)
        .withReluModes(Map.of(ReluAddress.STEM, new ReluMode.Reuse(4)));
    NetworkCost c = Accounting.of(s);
    // stem: 64x32x32 = 65,536 elements, 16,384 comparisons.
    double reluOnly = LatencyModel.estimate(c, Profiles.load("relu-only"), loopback).totalS();
    assertThat(reluOnly).isCloseTo(80e-6 * (557_056 - 65_536 + 16_384), within(1e-9));
    double heGc = LatencyModel.estimate(c, Profiles.defaultProfile(), loopback).onlineNonlinearS();
    // he-gc: every element of a reuse layer costs a full ReLU (fraction 1.0), so nothing is saved.
    assertThat(heGc).isCloseTo(25e-6 * 557_056, within(1e-9));
  }

  @Test
  void wanAddsTransferTimeAndRoundTrips() {
    LatencyEstimate lo = LatencyModel.estimate(resnet18, Profiles.defaultProfile(), loopback);
    LatencyEstimate wan = LatencyModel.estimate(resnet18, Profiles.defaultProfile(), Profiles.network("wan"));
    // online: 1,184 B down per ReLU at 500 Mbps, 8 B up at 100 Mbps, 17 ReLU layers x 40 ms.
    double expected = 557_056.0 * 1184 * 8 / 500e6 + 557_056.0 * 8 * 8 / 100e6 + 17 * 0.040;
    assertThat(wan.onlineS() - lo.onlineS()).isCloseTo(expected, within(1e-6));
  }

  @Test
  void clientGarblerSwapsStorage() {
    double server = LatencyModel.estimate(resnet18, Profiles.load("he-gc"), loopback).clientStorageBytes();
    double client = LatencyModel.estimate(resnet18, Profiles.load("he-gc-client-garbler"), loopback).clientStorageBytes();
    assertThat(server).isEqualTo(557_056 * 18_248.0);
    assertThat(client).isEqualTo(557_056 * 3_590.0);
  }

  @Test
  void userProfileFileIsValidated(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, "name: mine\nconstants:\n  he_offline_us_per_mac: {value: 1}\n");
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .hasMessageContaining("constants.he_offline_us_per_mac.source must say where the value comes from");
    assertThatThrownBy(() -> Profiles.load("nope")).hasMessageStartingWith("unknown profile 'nope'");
  }

  @Test
  void theEnginesTruncationsAndMaxPoolCircuitsAreCharged() {
    Profile measured = Profiles.load("measured");
    // wrn-16-4 on CIFAR: 475,136 ReLUs and 245,760 truncated elements (stem and six block sums), each
    // an identity circuit charged at the profile's truncation fraction; 7 more garbled layers
    NetworkCost wrn = Accounting.of(Presets.build("wrn-16-4", Dataset.CIFAR10));
    LatencyModel.Counts c = LatencyModel.counts(wrn, wrn.layers(), measured);
    double truncation = measured.value("truncation_element_relu_fraction");
    assertThat(truncation).isEqualTo(1.0);
    assertThat(c.truncations()).isEqualTo(245_760);
    assertThat(c.reluEq()).isCloseTo(475_136 + 245_760 * truncation, within(1e-6));
    assertThat(c.reluLayers()).isEqualTo(LatencyModel.counts(wrn.layers(), 1).reluLayers() + 7);
    // resnet18 on ImageNet: the stem's max-pool, 64 x 56 x 56 windows of 2 or 3 rows and columns
    NetworkCost im = Accounting.of(Presets.build("resnet18", Dataset.IMAGENET));
    LatencyModel.Counts m = LatencyModel.counts(im, im.layers(), measured);
    long side = 2 + 3 * 55;
    long windows = 64L * 56 * 56;
    assertThat(m.poolWindows()).isEqualTo(windows);
    assertThat(m.poolComparisons()).isEqualTo(64 * side * side - windows);
    double comparison = measured.value("maxpool_comparison_relu_fraction");
    assertThat(comparison).isCloseTo(110.0 / 96, within(1e-3));
    assertThat(m.reluEq()).isCloseTo(im.relus() + (64 * side * side - windows) * comparison + windows * truncation,
        within(1e-3));
    // a Delphi profile without the constants charges the circuits' defaults
    Profile delphi = Profiles.defaultProfile();
    assertThat(delphi.value("truncation_element_relu_fraction")).isEqualTo(0.75);
    assertThat(LatencyModel.estimate(wrn, delphi, loopback).offlineNonlinearS())
        .isGreaterThan(LatencyModel.estimate(null, wrn.layers(), delphi, loopback).offlineNonlinearS()
            + delphi.value("offline_setup_s"));
  }
}
