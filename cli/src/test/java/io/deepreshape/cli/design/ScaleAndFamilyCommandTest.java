package io.deepreshape.cli.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleAndFamilyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void stageChFamilyRowsAndFiles() throws Exception {
    CliRun r = CliRun.of("scale", "--preset", "resnet18", "--dataset", "cifar100", "--method", "stagech",
        "--values", "2,3", "--out", dir.toString());
    assertThat(r.exitCode()).isZero();
    // f = 3: stem 65,536 + S1 262,144 + S2 4*192*256 + S3 4*576*64 + S4 4*1728*16 = 782,336;
    // S1 share 262,144 / 782,336 = 33.5%.
    long f3 = 65_536 + 262_144 + 4 * 192 * 256 + 4 * 576 * 64 + 4 * 1728 * 16;
    assertThat(f3).isEqualTo(782_336);
    assertThat(r.out()).containsPattern("resnet18-m64-f2x2x2\\s+64\\s+2,2,2\\s+557,056\\s+555\\.47M\\s+11\\.8%\\s+47\\.1%");
    assertThat(r.out()).containsPattern("resnet18-m64-f3x3x3\\s+64\\s+3,3,3\\s+782,336\\s+\\S+\\s+8\\.4%\\s+33\\.5%");
    assertThat(r.out()).endsWith("wrote 2 specs to " + dir + "\n");
    assertThat(dir.resolve("resnet18-m64-f3x3x3.json")).exists();
  }

  @Test
  void baseChAndHeteroValues() throws Exception {
    JsonNode b = JSON.readTree(CliRun.of("scale", "--preset", "resnet18", "--method", "basech", "--values", "16,32",
        "--json").out());
    // Halving m halves every ReLU layer: 557,056 / 4 and / 2.
    assertThat(b.get("members").get(0).get("relus").asLong()).isEqualTo(557_056 / 4);
    assertThat(b.get("members").get(1).get("relus").asLong()).isEqualTo(557_056 / 2);
    JsonNode h = JSON.readTree(CliRun.of("scale", "--preset", "resnet18", "--method", "hetero", "--values",
        "5,5,3;2,2,2", "--json").out());
    assertThat(h.get("members").get(0).get("factors").toString()).isEqualTo("[5,5,3]");
    assertThat(h.get("members").get(1).get("flops").asLong()).isEqualTo(555_468_800L);
    CliRun bad = CliRun.of("scale", "--preset", "resnet18", "--method", "stagech", "--values", "2,x");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--values must be positive integers");
  }

  @Test
  void hybrenetFamilyIsEqualizedThenWidened() throws Exception {
    CliRun r = CliRun.of("hybrenet", "--dataset", "cifar100", "--m", "16", "--alpha-max", "6", "--json",
        "--out", dir.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("default criticality order");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("equalization").get("factors").toString()).isEqualTo("[5,5,3]");
    JsonNode first = j.get("members").get(0);
    assertThat(first.get("name").asText()).isEqualTo("hybrenet-m16-f5x5x3");
    // widths 16, 80, 400, 1200: stem 16*1024 + 4*16*1024 + 4*80*256 + 4*400*64 + 4*1200*16
    assertThat(first.get("relus").asLong()).isEqualTo(16 * 1024 + 4 * 16 * 1024 + 4 * 80 * 256 + 4 * 400 * 64
        + 4 * 1200 * 16);
    assertThat(j.get("members").get(1).get("factors").toString()).isEqualTo("[6,5,3]");
    assertThat(first.get("pareto").asBoolean()).isTrue();
    assertThat(Files.list(dir).count()).isEqualTo(2);
  }

  @Test
  void hybrenetTextMarksTheParetoSet() {
    CliRun r = CliRun.of("hybrenet", "--m", "16,32", "--alpha-max", "5", "--order", "3,2,4,1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("equalized factors (alpha, beta, gamma): 5,5,3; alpha* = 5");
    assertThat(r.out()).containsPattern("hybrenet-m16-f5x5x3 .*\\*\\n");
    assertThat(r.out()).contains("2 members kept, 1 on the Pareto front");
  }
}
