package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.latency.CalibrationPoint;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pi calibrate} on tiny presets in one process: a loadable profile fitted to what pi bench measures. */
@Timeout(300)
class PiCalibrateCommandTest {
  @TempDir
  Path dir;

  @Test
  void fitsAProfileToTheMeasuredNetworks() throws Exception {
    Path out = dir.resolve("measured.yaml");
    CliRun run = CliRun.of("pi", "calibrate", "--net", "basech:2@fashion-mnist", "--net", "basech:4@fashion-mnist",
        "--hold-out", "hybrenet:2,2,2,2@fashion-mnist", "--in-process", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("held out").contains("wrote " + out);

    Profile p = Profiles.load(out.toString());
    assertThat(p.name()).isEqualTo("measured");
    List<CalibrationPoint> points = p.calibration();
    assertThat(points).extracting(CalibrationPoint::preset).containsExactly("basech:2", "basech:4", "hybrenet:2,2,2,2");
    assertThat(points).extracting(CalibrationPoint::heldOut).containsExactly(false, false, true);
    assertThat(points).allSatisfy(c -> assertThat(c.offlineSeconds()).isPositive());
    for (String c : Profile.REQUIRED) {
      assertThat(p.value(c)).as(c).isGreaterThanOrEqualTo(0);
    }
    // client storage is fitted as bytes per ReLU: a weighted mean of the two fitted networks' ratios,
    // which pi bench measures the same on every run (bytes do not depend on timing)
    double a = storagePerRelu("basech:2");
    double b = storagePerRelu("basech:4");
    assertThat(p.value("client_storage_bytes_per_relu")).isBetween(Math.min(a, b) * 0.999, Math.max(a, b) * 1.001);
    assertThat(p.constants().get("client_storage_bytes_per_relu").source()).contains("pi bench")
        .contains("basech:2/fashion-mnist, basech:4/fashion-mnist");
  }

  @Test
  void aNetworkWithoutDatasetIsAUsageError() {
    CliRun run = CliRun.of("pi", "calibrate", "--net", "resnet20", "--out", dir.resolve("x.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'resnet20'").contains("PRESET@DATASET").doesNotContain("Exception");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
  }

  private static double storagePerRelu(String preset) throws Exception {
    CliRun bench = CliRun.of("pi", "bench", "--preset", preset, "--dataset", "fashion-mnist", "--json",
        "--in-process", "--no-progress");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(bench.out()).get("total");
    return t.get("client_storage_bytes").asDouble() / t.get("relus").asDouble();
  }
}
