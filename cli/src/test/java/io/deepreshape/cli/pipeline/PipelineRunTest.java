package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.CliRun;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny pipeline end to end on the synthetic set, then run again: every stage is skipped and the report is the same. */
class PipelineRunTest {
  @TempDir
  Path dir;

  @Test
  void runsEndToEndAndContinuesWithoutRedoingWork() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, """
        name: tiny
        dataset: synthetic
        synthetic: {train: 320, test: 100}
        baseline: basech:8
        budgets: [30000]
        methods: [deepreduce]
        hybrenet: {widths: [4], f_max: 8}
        train: {epochs: 1, batch_size: 32, lr: 0.05}
        finetune: {epochs: 1, lr: 0.02}
        """);
    Path out = dir.resolve("out");
    CliRun first = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path report = out.resolve("report/report.html");
    assertThat(first.out().strip().lines().reduce((a, b) -> b).orElse("")).isEqualTo(report.toString());

    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(results).hasSize(3);
    for (JsonNode n : results) {
      // every row's ReLUs are the accounting's of the spec its run trained
      long relus = Accounting.of(SpecIo.read(out.resolve(n.get("spec").asText()))).relus();
      assertThat(n.get("relus").asLong()).isEqualTo(relus);
      if (n.get("budget").asLong() > 0) {
        assertThat(relus).isLessThanOrEqualTo(30_000);
      }
      assertThat(n.get("top1").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(results.get(1).get("method").asText()).isEqualTo("hybrenet");
    assertThat(results.get(2).get("method").asText()).isEqualTo("deepreduce");
    String html = Files.readString(report);
    assertThat(html).contains("At iso-ReLU (30,000 ReLUs budget)").contains("data:image/png;base64,")
        .contains(results.get(1).get("label").asText());
    assertThat(out.resolve("report/networks.csv")).exists();
    assertThat(out.resolve("report/report.md")).content().contains("![training-curves.png](training-curves.png)");
    assertThat(out.resolve("report/training-curves.png")).isNotEmptyFile();

    CliRun second = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("done, skipped").doesNotContain("training basech:8");
    assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile())).isEqualTo(results);
  }
}
