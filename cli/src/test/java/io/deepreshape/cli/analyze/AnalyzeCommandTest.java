package io.deepreshape.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir
  Path dir;

  @Test
  void jsonReportsTheSpecsKnownValues() throws Exception {
    CliRun r = CliRun.of("analyze", "--preset", "resnet18", "--dataset", "cifar100", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("relus").asLong()).isEqualTo(557_056);
    assertThat(j.get("flops").asLong()).isEqualTo(555_468_800L);
    assertThat(j.get("params").asLong()).isEqualTo(11_220_132L);
    assertThat(j.get("latency").asDouble())
        .isEqualTo(j.get("latency_offline").asDouble() + j.get("latency_online").asDouble());
    assertThat(j.get("stages")).hasSize(6);
    assertThat(j.get("stages").get(1).get("name").asText()).isEqualTo("S1");
    assertThat(j.get("stages").get(1).get("relus").asLong()).isEqualTo(262_144);
    assertThat(j.get("stages").get(1).get("flops").asLong()).isEqualTo(150_994_944L);
  }

  @Test
  void jsonReportsTheEnginesGarbledCircuitsTruncationsIncluded() throws Exception {
    CliRun r = CliRun.of("analyze", "--preset", "wrn-16-4", "--dataset", "cifar10", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    long relus = 475_136;
    // the stem (16x32x32) and the six block sums (2 x 64x32x32, 2 x 128x16x16, 2 x 256x8x8) are truncated
    long trunc = 16 * 1024 + 2 * 64 * 1024 + 2 * 128 * 256 + 2 * 256 * 64;
    assertThat(j.get("relus").asLong()).isEqualTo(relus);
    assertThat(j.get("truncations").asLong()).isEqualTo(trunc).isEqualTo(245_760);
    // l = 37, s = 12: a ReLU circuit has 96 AND gates, an identity circuit 72; 37 OTs per element
    assertThat(j.get("and_gates").asLong()).isEqualTo(96 * relus + 72 * trunc);
    assertThat(j.get("ots").asLong()).isEqualTo(37 * (relus + trunc));
    assertThat(j.get("garbled_elements").get("maxpool_comparison").asLong()).isZero();
    assertThat(j.get("he").get("input_ciphertexts").asLong()).isPositive();

    JsonNode im = new ObjectMapper().readTree(CliRun.of("analyze", "--preset", "resnet18", "--dataset", "imagenet",
        "--json").out());
    // the stem's 3x3/2 max-pool: 64 x 56 x 56 windows over 112 x 112, clipped at the top and left edges
    long side = 2 + 3 * 55;
    assertThat(im.get("garbled_elements").get("maxpool_windows").asLong()).isEqualTo(64L * 56 * 56);
    assertThat(im.get("garbled_elements").get("maxpool_comparison").asLong())
        .isEqualTo(64 * side * side - 64L * 56 * 56);
  }

  @Test
  void textTableShowsStageSharesAndExactTotals() {
    CliRun r = CliRun.of("analyze", "--preset", "resnet18", "--dataset", "tinyimagenet");
    assertThat(r.exitCode()).isZero();
    // S1 holds 1,048,576 of 2,228,224 ReLUs = 47.1%
    assertThat(r.out()).containsPattern("S1\\s+1,048,576\\s+47\\.1%");
    assertThat(r.out()).contains("exact: 2,228,224 ReLUs, 2,221,772,800 FLOPs (MACs), 11,271,432 params");
  }

  @Test
  void layersListsEveryReluLayer() {
    CliRun r = CliRun.of("analyze", "--preset", "resnet18", "--layers");
    assertThat(r.out()).contains("s4.b2.r2").contains("stem.conv").contains("head.fc");
  }

  @Test
  void compareModeShowsRatiosToTheFirst() {
    CliRun r = CliRun.of("analyze", "--preset", "resnet18", "--preset", "hybrenet:16,5,5,3");
    assertThat(r.exitCode()).isZero();
    // hybrenet:16,5,5,3 has 16*1024 + 4*(16*1024 + 80*256 + 400*64 + 1200*16) = 343,040 ReLUs; 343040/557056 = 0.62
    assertThat(r.out()).containsPattern("ReLUs\\s+557,056\\s+343,040\\s+0\\.62x");
  }

  @Test
  void specFileGivesTheSameNumbersAsThePreset() throws Exception {
    Path f = dir.resolve("r18.yaml");
    Files.writeString(f, "name: mine\ndataset: cifar100\nbase_width: 64\nphi: [2,2,2,2]\nfactors: [2,2,2]\n");
    CliRun r = CliRun.of("analyze", "--spec", f.toString(), "--json");
    assertThat(new ObjectMapper().readTree(r.out()).get("relus").asLong()).isEqualTo(557_056);
  }

  @Test
  void unknownPresetIsAUsageError() {
    assertUsageError(CliRun.of("analyze", "--preset", "resnet99"), "unknown preset 'resnet99'");
  }

  @Test
  void negativeWidthIsAUsageError() throws Exception {
    Path f = dir.resolve("neg.yaml");
    Files.writeString(f, "name: n\ndataset: cifar10\nstages:\n  - {phi: 2, width: -8}\n");
    assertUsageError(CliRun.of("analyze", "--spec", f.toString()),
        "stages[0].width must be between 1 and 1048576, was -8");
  }

  @Test
  void malformedYamlIsAUsageError() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "name: [unclosed\n");
    assertUsageError(CliRun.of("analyze", "--spec", f.toString()), "not valid YAML at line");
  }

  @Test
  void unknownFieldIsAUsageError() throws Exception {
    Path f = dir.resolve("field.yaml");
    Files.writeString(f, "name: n\ndataset: cifar10\nwidth: 3\nstages:\n  - {phi: 2, width: 8}\n");
    assertUsageError(CliRun.of("analyze", "--spec", f.toString()), "unknown field 'width'");
  }

  @Test
  void unreadableFileIsAUsageError() {
    assertUsageError(CliRun.of("analyze", "--spec", dir.resolve("missing.yaml").toString()), "does not exist");
  }

  @Test
  void unknownProfileIsAUsageError() {
    assertUsageError(CliRun.of("analyze", "--preset", "resnet18", "--profile", "fast"), "unknown profile 'fast'");
  }

  @Test
  void debugPrintsTheStackTrace() {
    CliRun r = CliRun.of("analyze", "--preset", "resnet99", "--debug");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("\tat io.deepreshape");
  }

  private static void assertUsageError(CliRun r, String message) {
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(message).doesNotContain("\tat ");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }
}
