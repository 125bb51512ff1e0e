package io.deepreshape.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** End to end on the synthetic set: write it, train a HybReNet, evaluate it, distil a ReLU-culled copy from it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainCommandTest {
  @TempDir
  static Path dir;
  static Path data;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void writeData() {
    data = dir.resolve("synth");
    CliRun r = CliRun.of("dataset", "synth", "--train", "640", "--test", "200", "--out", data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  @Order(1)
  void trainsWellAboveChanceAndWritesTheRunDirectory() throws Exception {
    Path run = dir.resolve("teacher");
    CliRun r = CliRun.of("train", "--preset", "hybrenet:8,2,2,2", "--dataset", "synthetic", "--data", data.toString(),
        "--epochs", "2", "--batch-size", "32", "--lr", "0.05", "--out", run.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
    assertThat(metrics).hasSize(2);
    JsonNode last = JSON.readTree(metrics.get(1));
    assertThat(last.get("epoch").asInt()).isEqualTo(2);
    // 10 classes: chance is 0.1
    assertThat(last.get("test_top1").asDouble()).isGreaterThan(0.5);
    assertThat(run.resolve("spec.yaml")).exists();
    assertThat(run.resolve("final.params")).exists();
    assertThat(run.resolve("training-curve.png")).exists();

    CliRun eval = CliRun.of("eval", "--run", run.toString(), "--json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    JsonNode e = JSON.readTree(eval.out());
    assertThat(e.get("samples").asLong()).isEqualTo(200);
    assertThat(e.get("top1").asDouble()).isEqualTo(last.get("test_top1").asDouble());
    // hybrenet:8,2,2,2 on 32x32: 8*1024 + 4*(8*1024 + 16*256 + 32*64 + 64*16) = 69,632 ReLUs
    assertThat(e.get("relus").asLong()).isEqualTo(69_632);
  }

  @Test
  @Order(2)
  void reluCulledCopyTrainsWithDistillation() throws Exception {
    Path spec = dir.resolve("culled.yaml");
    Files.writeString(spec, """
        name: culled
        dataset: synthetic
        base_width: 8
        phi: [2, 2, 2, 2]
        factors: [2, 2, 2]
        relu: {s1.b1.r1: identity, s1.b1.r2: identity, s1.b2.r1: identity, s1.b2.r2: identity}
        """);
    Path run = dir.resolve("student");
    CliRun r = CliRun.of("train", "--spec", spec.toString(), "--dataset", "synthetic", "--data", data.toString(),
        "--epochs", "2", "--batch-size", "32", "--lr", "0.05", "--teacher", dir.resolve("teacher").toString(),
        "--out", run.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode last = JSON.readTree(Files.readAllLines(run.resolve("metrics.jsonl")).get(1));
    assertThat(last.get("test_top1").asDouble()).isGreaterThan(0.3);
    CliRun eval = CliRun.of("eval", "--run", run.toString(), "--json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    // S1's 4 ReLU layers of 8x32x32 are gone: 69,632 - 4 * 8,192
    assertThat(JSON.readTree(eval.out()).get("relus").asLong()).isEqualTo(69_632 - 4 * 8_192);
  }

  @Test
  @Order(3)
  void networkAndDataMismatchIsAUsageError() {
    CliRun r = CliRun.of("train", "--preset", "resnet18", "--dataset", "cifar100", "--data", data.toString(),
        "--epochs", "1", "--out", dir.resolve("bad").toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").doesNotContain("\tat ");
  }

  @Test
  @Order(4)
  void missingDataFolderIsAUsageError() {
    CliRun r = CliRun.of("train", "--preset", "hybrenet:8,2,2,2", "--dataset", "synthetic", "--data",
        dir.resolve("nowhere").toString(), "--epochs", "1", "--out", dir.resolve("bad2").toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nowhere");
  }
}
