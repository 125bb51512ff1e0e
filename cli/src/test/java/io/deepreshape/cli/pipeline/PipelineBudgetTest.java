package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A budget no HybReNet can fill is refused before any training, saying which way to move it. */
class PipelineBudgetTest {
  @TempDir
  Path dir;

  @Test
  void aBudgetAboveEveryCandidateIsRefusedBeforeTraining() throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, "name: p\ndataset: synthetic\nbaseline: resnet18\nbudgets: [100000000000]\n"
        + "synthetic: {train: 64, test: 32}\ntrain: {epochs: 2}\nfinetune: {epochs: 1}\n");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).contains("budgets: no HybReNet candidate fits 100000000000 ReLUs")
        .contains("lower the budget").doesNotContain("raise the budget");
    assertThat(out.resolve("runs")).doesNotExist();
    assertThat(out.resolve("data")).doesNotExist();
  }
}
