package io.deepreshape.cli.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void fiftyThousandReLUsGivesFiveOrMoreDistinctCandidatesThatAnalyzeReadsBack() throws Exception {
    CliRun r = CliRun.of("design", "--dataset", "cifar100", "--relus", "50000", "--out", dir.toString(), "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = JSON.readTree(r.out());
    JsonNode cands = j.get("candidates");
    assertThat(cands.size()).isGreaterThanOrEqualTo(5);
    Set<String> seen = new HashSet<>();
    double previous = 0;
    for (JsonNode c : cands) {
      assertThat(c.get("relus").asLong()).isBetween(25_000L, 50_000L);
      assertThat(c.get("latency").asDouble()).isGreaterThanOrEqualTo(previous);
      previous = c.get("latency").asDouble();
      Path spec = dir.resolve(c.get("name").asText() + ".json");
      assertThat(spec).exists();
      JsonNode a = JSON.readTree(CliRun.of("analyze", "--spec", spec.toString(), "--json").out());
      assertThat(a.get("relus").asLong()).isEqualTo(c.get("relus").asLong());
      assertThat(a.get("flops").asLong()).isEqualTo(c.get("flops").asLong());
      assertThat(a.get("latency").asDouble()).isCloseTo(c.get("latency").asDouble(), within(1e-9));
      String content = Files.readString(spec).replaceAll("\"name\"\\s*:\\s*\"[^\"]*\"", "");
      seen.add(content);
    }
    assertThat(seen).hasSize(cands.size());
  }

  @Test
  void baselineShowsTheLatencyGap() {
    CliRun r = CliRun.of("design", "--relus", "50000", "--baseline", "resnet18", "--top", "5");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("using the default criticality order S3 > S2 > S4 > S1");
    assertThat(r.out()).contains("baseline resnet18 with culling and thinning alone:");
    // ResNet18 within 50,000: S3 thinned (2 * 256 * 8 * 8 = 32,768), the rest (stem included) culled.
    assertThat(r.out()).containsPattern("baseline-01-resnet18\\s+stem:cull S1:cull S2:cull S3:thin S4:cull\\s+32,768");
    assertThat(r.out()).containsPattern("latency gap at this budget: .* \\(baseline\\) vs .* \\(best candidate\\): \\d+\\.\\d\\dx");
    assertThat(r.out()).contains("design-05-");
    assertThat(r.out()).doesNotContain("design-06-");
  }

  @Test
  void impossibleBudgetExits2WithAHint() {
    CliRun r = CliRun.of("design", "--relus", "100", "--order", "3,2,4,1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).contains("no candidate fits");
  }

  @Test
  void flopCeilingLimitsTheFamily() throws Exception {
    CliRun r = CliRun.of("design", "--relus", "50000", "--flops-max", "300000000", "--json", "--order", "3,2,4,1");
    assertThat(r.exitCode()).isZero();
    for (JsonNode c : JSON.readTree(r.out()).get("candidates")) {
      assertThat(c.get("flops").asLong()).isLessThanOrEqualTo(300_000_000L);
    }
  }
}
