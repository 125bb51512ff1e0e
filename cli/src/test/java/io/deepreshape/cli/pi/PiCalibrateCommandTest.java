package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.latency.CalibrationPoint;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.ProfileFit;
import io.deepreshape.latency.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pi calibrate} on tiny presets in one process: a loadable profile fitted to what pi measure measures. */
@Timeout(300)
class PiCalibrateCommandTest {
  @TempDir
  Path dir;

  @Test
  void fitsAProfileToTheMeasuredNetworks() throws Exception {
    Path out = dir.resolve("measured.yaml");
    CliRun run = CliRun.of("pi", "calibrate", "--net", "basech:2@fashion-mnist", "--net", "basech:4@fashion-mnist",
        "--hold-out", "hybrenet:2,2,2,2@fashion-mnist", "--in-process", "--repeat", "2", "--out", out.toString(),
        "--measurements", dir.resolve("m.json").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("held out").contains("wrote " + out);
    // every network once per round, so that the host's drift reaches them all alike
    assertThat(run.err().lines().filter(l -> l.startsWith("round ")).map(l -> l.substring(0, l.indexOf(": offline"))))
        .containsExactly("round 1/2, basech:2 on fashion-mnist", "round 1/2, basech:4 on fashion-mnist",
            "round 1/2, hybrenet:2,2,2,2 on fashion-mnist (held out)", "round 2/2, basech:2 on fashion-mnist",
            "round 2/2, basech:4 on fashion-mnist", "round 2/2, hybrenet:2,2,2,2 on fashion-mnist (held out)");
    JsonNode recorded = new ObjectMapper().readTree(dir.resolve("m.json").toFile());
    assertThat(recorded.get("runs")).hasSize(6);
    for (int i = 0; i < 3; i++) {
      // two runs: the median is their mean
      double mean = (recorded.get("runs").get(2 * i).get("offlineS").asDouble()
          + recorded.get("runs").get(2 * i + 1).get("offlineS").asDouble()) / 2;
      assertThat(recorded.get("measurements").get(i).get("offlineS").asDouble()).isCloseTo(mean,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(recorded.get("runs").get(2 * i).get("preset").asText())
          .isEqualTo(recorded.get("measurements").get(i).get("preset").asText());
    }

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
    // which pi measure measures the same on every run (bytes do not depend on timing)
    double a = storagePerRelu("basech:2");
    double b = storagePerRelu("basech:4");
    assertThat(p.value("client_storage_bytes_per_relu")).isBetween(Math.min(a, b) * 0.999, Math.max(a, b) * 1.001);
    assertThat(p.constants().get("client_storage_bytes_per_relu").source()).contains("pi measure")
        .contains("basech:2/fashion-mnist, basech:4/fashion-mnist");
  }

  @Test
  void aNetworkWithoutDatasetIsAUsageError() {
    CliRun run = CliRun.of("pi", "calibrate", "--net", "resnet20", "--out", dir.resolve("x.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'resnet20'").contains("PRESET@DATASET").doesNotContain("Exception");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
  }

  @Test
  void refitReadsTheMeasurementsFileAndMeasuresNothing() throws Exception {
    List<ProfileFit.Measurement> ms = List.of(
        new ProfileFit.Measurement("resnet20", "cifar100", 6.1, 1.2, 4.0, 2.0e7, 3.1e8, 6.0e5, 1.1e8, 8.0e8, false),
        new ProfileFit.Measurement("basech:16", "fashion-mnist", 4.7, 0.86, 3.2, 1.3e7, 2.0e8, 3.5e5, 6.4e7, 4.6e8, false),
        new ProfileFit.Measurement("resnet18", "cifar100", 28.6, 6.4, 20.0, 5.6e7, 2.9e9, 1.7e6, 3.3e8, 2.4e9, true));
    Path file = dir.resolve("m.json");
    new PiCalibrateCommand.Recorded("a test machine, 2026-11-26", ms, List.of()).write(file);
    Path out = dir.resolve("refit.yaml");
    CliRun run = CliRun.of("pi", "calibrate", "--refit", file.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("measuring");
    Profile p = Profiles.load(out.toString());
    // a culled ReLU runs the engine's 72-AND truncation circuit against 96 AND gates for a ReLU
    // (ReluCircuitsTest, l = 37, s = 12)
    assertThat(p.value("culled_element_relu_fraction")).isEqualTo(0.75);
    Profile expected = ProfileFit.fit("measured", p.description(), ms, "a test machine, 2026-11-26",
        io.deepreshape.pi.protocol.ClientSession.MEMORY_LIMIT_BYTES, 0.75,
        p.constants().get("culled_element_relu_fraction").source());
    assertThat(p.constants()).isEqualTo(expected.constants());
    assertThat(p.calibration()).extracting(CalibrationPoint::offlineSeconds).containsExactly(6.1, 4.7, 28.6);

    Files.writeString(dir.resolve("bad.json"), "{\"provenance\": \"x\"}");
    CliRun bad = CliRun.of("pi", "calibrate", "--refit", dir.resolve("bad.json").toString(), "--out", out.toString(),
        "--force");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.json").contains("measurements").doesNotContain("\tat ");
  }

  @Test
  void theMedianOfTheRunsIsFitted() {
    List<ProfileFit.Measurement> runs = List.of(run(3.0), run(1.0), run(2.5));
    assertThat(PiCalibrateCommand.median(runs, ProfileFit.Measurement::offlineS)).isEqualTo(2.5);
    assertThat(PiCalibrateCommand.median(runs.subList(0, 2), ProfileFit.Measurement::offlineS)).isEqualTo(2.0);
  }

  private static ProfileFit.Measurement run(double offline) {
    return new ProfileFit.Measurement("basech:2", "fashion-mnist", offline, 1, offline / 2, 1, 1, 1, 1, 1, false);
  }

  private static double storagePerRelu(String preset) throws Exception {
    CliRun measured = CliRun.of("pi", "measure", "--preset", preset, "--dataset", "fashion-mnist", "--json",
        "--in-process", "--no-progress");
    assertThat(measured.exitCode()).as(measured.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(measured.out()).get("total");
    return t.get("client_storage_bytes").asDouble() / t.get("relus").asDouble();
  }
}
