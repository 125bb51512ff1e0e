package io.deepreshape.cli.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EqualizeCommandTest {
  private static final String DEFAULT_NOTE = "using the default criticality order S3 > S2 > S4 > S1 (DEEPRESHAPE.md "
      + "section 4); pass --criticality FILE to use measured scores\n";

  @TempDir
  Path dir;

  /** MACs of ResNet18 on CIFAR-100 with widths 64, 320, 1600, 4800 (BasicBlocks, 2 per stage). */
  private static long equalizedMacs() {
    long stem = 3L * 64 * 9 * 32 * 32;
    long s1 = 4L * 64 * 64 * 9 * 32 * 32;
    long s2 = 64L * 320 * 9 * 16 * 16 + 3L * 320 * 320 * 9 * 16 * 16 + 64L * 320 * 16 * 16;
    long s3 = 320L * 1600 * 9 * 8 * 8 + 3L * 1600 * 1600 * 9 * 8 * 8 + 320L * 1600 * 8 * 8;
    long s4 = 1600L * 4800 * 9 * 4 * 4 + 3L * 4800 * 4800 * 9 * 4 * 4 + 1600L * 4800 * 4 * 4;
    return stem + s1 + s2 + s3 + s4 + 4800L * 100;
  }

  @Test
  void resnet18TextOutputIsExact() {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--dataset", "cifar100");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo(DEFAULT_NOTE);
    assertThat(equalizedMacs()).isEqualTo(16_846_902_016L);
    assertThat(r.out()).isEqualTo("""
        ReLU-equalization of resnet18 (3x32x32/100, basic blocks)
        criticality order: S3 > S2 > S4 > S1 (default, DEEPRESHAPE.md section 4), f_max 8
        factors (alpha, beta, gamma): 5,5,3   widths: 64,320,1600,4800
        equalized spec: resnet18-m64-f5x5x3

        stage  rank  ReLUs before  ratio  ReLUs after     ratio
        -----  ----  ------------  -----  -----------  --------
        S1        4       262,144      1      262,144         1
        S2        2       131,072    0.5      327,680      1.25
        S3        1        65,536   0.25      409,600    1.5625
        S4        3        32,768  0.125      307,200  1.171875

        total ReLUs (with stem): 557,056 -> 1,372,160; FLOPs: 555,468,800 -> 16,846,902,016
        """);
  }

  @Test
  void jsonHasFactorsAndStageRelus() throws Exception {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--json", "--order", "3,2,4,1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("factors").toString()).isEqualTo("[5,5,3]");
    // R_i = 2 blocks * 2 ReLU layers * C_i * H_i * W_i
    assertThat(j.get("stage_relus").get("before").toString()).isEqualTo("[262144,131072,65536,32768]");
    assertThat(j.get("stage_relus").get("after").toString())
        .isEqualTo("[" + 4 * 64 * 1024 + "," + 4 * 320 * 256 + "," + 4 * 1600 * 64 + "," + 4 * 4800 * 16 + "]");
    assertThat(j.get("ratios").get("after").toString()).isEqualTo("[1.0,1.25,1.5625,1.171875]");
    assertThat(j.get("flops").get("after").asLong()).isEqualTo(equalizedMacs());
  }

  @Test
  void criticalityFileDecidesTheOrder() throws Exception {
    // A = 15, 50, 40, 30 over A_lin = 10: scores 5, 40, 30, 20, so S2 > S3 > S4 > S1.
    Path f = dir.resolve("crit.json");
    Files.writeString(f, """
        {"network": "resnet18", "dataset": "cifar100", "linear_accuracy": 10,
         "stages": [{"stage": 1, "accuracy": 15}, {"stage": 2, "accuracy": 50},
                    {"stage": 3, "accuracy": 40}, {"stage": 4, "accuracy": 30}]}
        """);
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--criticality", f.toString(), "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    // S2 > S3 needs beta <= 3, S3 > S4 needs gamma <= 3, S4 > S1 needs alpha*beta*gamma > 64:
    // with beta, gamma <= 3 and alpha <= 8 only (8, 3, 3) works (72 > 64).
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("factors").toString()).isEqualTo("[8,3,3]");
    assertThat(j.get("order").toString()).isEqualTo("[2,3,4,1]");
  }

  @Test
  void infeasibleFMaxNamesThePairAndExits2() {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--f-max", "2", "--order", "3,2,4,1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: ReLU-equalization of resnet18 is infeasible: cannot order S3 > S2 "
        + "with channel factors in [1, 2]");
  }

  @Test
  void writtenSpecReadsBackInAnalyze() throws Exception {
    Path spec = dir.resolve("eq.yaml");
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--out", spec.toString(), "--order", "3,2,4,1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).endsWith("wrote " + spec + "\n");
    JsonNode a = new ObjectMapper().readTree(CliRun.of("analyze", "--spec", spec.toString(), "--json").out());
    assertThat(a.get("relus").asLong()).isEqualTo(65_536 + 262_144 + 327_680 + 409_600 + 307_200);
    assertThat(a.get("flops").asLong()).isEqualTo(equalizedMacs());
  }

  @Test
  void wrongOrderLengthIsAUserError() {
    CliRun r = CliRun.of("equalize", "--preset", "resnet18", "--order", "3,2,1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--order must list all 4 stages");
  }
}
