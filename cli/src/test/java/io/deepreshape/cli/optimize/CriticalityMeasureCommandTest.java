package io.deepreshape.cli.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityScores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code criticality}: a tiny measurement whose file equalize reads, re-running it, and showing files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CriticalityMeasureCommandTest {
  @TempDir
  static Path dir;
  static Path data;

  @BeforeAll
  static void writeData() {
    data = dir.resolve("synth");
    CliRun r = CliRun.of("dataset", "synth", "--train", "128", "--test", "64", "--out", data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  static CliRun measure() {
    return CliRun.of("criticality", "--preset", "hybrenet:4,2,2,2", "--dataset", "synthetic", "--data",
        data.toString(), "--epochs", "1", "--batch-size", "32", "--max-steps-per-epoch", "2", "--lr", "0.05",
        "--out", dir.resolve("crit").toString(), "--quiet");
  }

  @Test
  @Order(1)
  void measuresWritesTheFileAndEqualizeReadsItsOrder() throws Exception {
    CliRun r = measure();
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path file = dir.resolve("crit").resolve("criticality.json");
    CriticalityScores s = CriticalityIo.read(file);
    String order = s.order("file").compact();
    assertThat(r.out()).contains("criticality of hybrenet:4,2,2,2 on synthetic")
        .contains("order: " + s.order("file") + "   (--order " + order + ")")
        .contains("criticality file: " + file);
    // hybrenet:4,2,2,2 at 32x32: S1 keeps 4 * 4 * 1,024 ReLUs
    assertThat(r.out()).containsPattern("S1 only +16,384 ");
    assertThat(r.err()).contains("linear: training hybrenet:4,2,2,2-linear").contains("S4: training");

    CliRun eq = CliRun.of("equalize", "--preset", "resnet18", "--criticality", file.toString(), "--json");
    assertThat(eq.exitCode()).as(eq.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(eq.out());
    assertThat(j.get("order").toString()).isEqualTo("[" + order + "]");
  }

  @Test
  @Order(2)
  void reRunningReusesEveryFinishedRun() {
    CliRun r = measure();
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String label : List.of("linear", "S1", "S2", "S3", "S4")) {
      assertThat(r.err()).contains(label + ": finished run found in ");
    }
    assertThat(r.out().split("\\(reused\\)", -1)).hasSize(6);
  }

  @Test
  @Order(3)
  void showsAFileOrTheDefaultOrder() {
    CliRun r = CliRun.of("criticality", dir.resolve("crit").resolve("criticality.json").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("criticality of hybrenet:4,2,2,2 on synthetic: all-linear accuracy ");
    assertThat(CliRun.of("criticality").out()).contains("default criticality order: S3 > S2 > S4 > S1");
  }

  @Test
  @Order(4)
  void userErrorsExit2() {
    CliRun noNetwork = CliRun.of("criticality", "--out", dir.resolve("x").toString());
    assertThat(noNetwork.exitCode()).isEqualTo(2);
    assertThat(noNetwork.err()).contains("needs a network");
    CliRun noOut = CliRun.of("criticality", "--preset", "resnet18");
    assertThat(noOut.exitCode()).isEqualTo(2);
    assertThat(noOut.err()).contains("needs --out DIR");
  }
}
