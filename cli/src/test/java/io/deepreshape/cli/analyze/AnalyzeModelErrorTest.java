package io.deepreshape.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code analyze} states the latency model's error against the profile's measurement of the same network. */
class AnalyzeModelErrorTest {
  @Test
  void aMeasuredNetworkShowsTheModelErrorAgainstItsMeasurement() throws Exception {
    CliRun r = CliRun.of("analyze", "--preset", "resnet18", "--dataset", "cifar100", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(r.out()).get("model_error");
    // he-gc by hand: offline 0.5 us x 555,468,800 MACs + 55 us x 557,056 ReLUs = 308.372 s vs Delphi's 332 s;
    // online 25 us x 557,056 + 0.001 us x 555,468,800 = 14.482 s vs 14.6 s (loopback: no transfer time)
    assertThat(e.get("measured_offline_s").asDouble()).isEqualTo(332.0);
    assertThat(e.get("offline_error").asDouble()).isCloseTo((0.5e-6 * 555_468_800 + 55e-6 * 557_056) / 332 - 1, within(1e-9));
    assertThat(e.get("online_error").asDouble()).isCloseTo((25e-6 * 557_056 + 0.001e-6 * 555_468_800) / 14.6 - 1, within(1e-9));
    assertThat(e.get("source").asText()).contains("Delphi");

    CliRun text = CliRun.of("analyze", "--preset", "resnet18", "--dataset", "cifar100");
    assertThat(text.out()).contains("model error against the measurement of this network").contains("(-7.1%)")
        .contains("(-0.8%)");
  }

  @Test
  void anUnmeasuredNetworkShowsTheProfilesLargestError() throws Exception {
    CliRun r = CliRun.of("analyze", "--preset", "resnet20", "--dataset", "cifar100");
    assertThat(r.exitCode()).as(r.err()).isZero();
    // he-gc's three points: ResNet-32 is the worst, -12.1% offline and -5.6% online (see profile he-gc)
    assertThat(r.out()).contains("this network was not measured; on the 3 measurements profile he-gc lists, at most "
        + "12.1% offline and 5.6% online");
    CliRun json = CliRun.of("analyze", "--preset", "resnet20", "--dataset", "cifar100", "--json");
    assertThat(new ObjectMapper().readTree(json.out()).has("model_error")).isFalse();
  }
}
