package io.deepreshape.cli.criticality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code criticality show} and {@code criticality measure}: their help, a hand-written file shown, a tiny
 * measurement whose file equalize reads, re-running it, and the measured file shown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CriticalityCommandTest {
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
    return CliRun.of("criticality", "measure", "--preset", "hybrenet:4,2,2,2", "--dataset", "synthetic", "--data",
        data.toString(), "--epochs", "1", "--batch-size", "32", "--max-steps-per-epoch", "2", "--lr", "0.05",
        "--out", dir.resolve("crit").toString(), "--quiet");
  }

  @Test
  @Order(0)
  void helpListsBothSubcommandsAndEachOnesOptions() {
    CliRun top = CliRun.of("criticality", "--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).containsPattern("(?m)^\\s+show\\s+Show a criticality file")
        .containsPattern("(?m)^\\s+measure\\s+Measure ReLU criticality");
    CliRun show = CliRun.of("criticality", "show", "--help");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).startsWith("Usage: deepreshape criticality show [-hV] [--debug] [FILE]");
    CliRun measure = CliRun.of("criticality", "measure", "--help");
    assertThat(measure.exitCode()).isZero();
    assertThat(measure.out()).startsWith("Usage: deepreshape criticality measure ")
        .contains("(--preset=NAME | --spec=FILE)").contains("--out=DIR").contains("The network (one of):");
    assertThat(CliRun.of("--help").out()).containsPattern("(?m)^\\s+criticality\\s+");
  }

  @Test
  @Order(0)
  void showsAHandWrittenFileWithScoresAndOrder() throws Exception {
    Path f = dir.resolve("c.json");
    Files.writeString(f, "{\"network\": \"resnet18\", \"dataset\": \"cifar100\", \"linear_accuracy\": 10, \"stages\": ["
        + "{\"stage\": 1, \"accuracy\": 30.5}, {\"stage\": 2, \"accuracy\": 52}, {\"stage\": 3, \"accuracy\": 60.25},"
        + "{\"stage\": 4, \"accuracy\": 41}]}");
    CliRun r = CliRun.of("criticality", "show", f.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // C_k = A_k - A_lin: 20.5, 42, 50.25, 31, so the order is S3 > S2 > S4 > S1
    assertThat(r.out()).startsWith("criticality of resnet18 on cifar100: all-linear accuracy 10.00%")
        .containsPattern("S1\\s+30\\.50%\\s+\\+20\\.50\\s+4")
        .containsPattern("S2\\s+52\\.00%\\s+\\+42\\.00\\s+2")
        .containsPattern("S3\\s+60\\.25%\\s+\\+50\\.25\\s+1")
        .containsPattern("S4\\s+41\\.00%\\s+\\+31\\.00\\s+3")
        .contains("order: S3 > S2 > S4 > S1   (--order 3,2,4,1)");
    assertThat(CliRun.of("criticality", "show").out())
        .contains("default criticality order: S3 > S2 > S4 > S1");
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
    // hybrenet:4,2,2,2 at 32x32: widths 4, 8, 16, 32 at 32, 16, 8, 4 pixels, four ReLU layers a stage
    assertThat(r.out()).containsPattern("S1 only +16,384 ").containsPattern("S2 only +8,192 ")
        .containsPattern("S3 only +4,096 ").containsPattern("S4 only +2,048 ");
    // each printed score is the stage-only accuracy less the all-linear one, as the file records them
    for (int k = 1; k <= 4; k++) {
      assertThat(r.out()).contains(String.format(Locale.ROOT, "%.2f%%", s.accuracy(k)))
          .contains(String.format(Locale.ROOT, "%+.2f", s.accuracy(k) - s.linearAccuracy()));
    }
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
  void showsTheMeasuredFile() {
    CliRun r = CliRun.of("criticality", "show", dir.resolve("crit").resolve("criticality.json").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("criticality of hybrenet:4,2,2,2 on synthetic: all-linear accuracy ");
  }
}
