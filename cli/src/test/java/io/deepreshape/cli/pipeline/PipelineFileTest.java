package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileTest {
  @Test
  void shippedPipelinesParse() throws Exception {
    for (String name : List.of("cifar100-resnet18", "tinyimagenet-resnet18", "fashion-mnist",
        "fashion-mnist-full")) {
      Path f = Path.of("..", "pipelines", name + ".yaml");
      PipelineConfig c = PipelineFile.read(f);
      assertThat(c.name()).isEqualTo(name);
      assertThat(c.budgets()).isNotEmpty();
    }
    PipelineConfig c = PipelineFile.read(Path.of("..", "pipelines", "cifar100-resnet18.yaml"));
    assertThat(c.baseline()).isEqualTo("resnet18");
    assertThat(c.epochs()).isEqualTo(200);
    assertThat(c.methods()).containsExactly("deepreduce", "snl");
    PipelineConfig session = PipelineFile.read(Path.of("..", "pipelines", "fashion-mnist.yaml"));
    PipelineConfig full = PipelineFile.read(Path.of("..", "pipelines", "fashion-mnist-full.yaml"));
    assertThat(session.trainSubset()).isEqualTo(6_000);
    assertThat(session.validation()).isEqualTo(1_000);
    assertThat(full.trainSubset()).isZero();
    assertThat(full.validation()).isEqualTo(5_000);
    assertThat(full.seeds()).isEqualTo(session.seeds());
    assertThat(full.methods()).isEqualTo(session.methods());
    assertThat(full.inputs()).isEqualTo(session.inputs());
    assertThat(full.epochs()).isEqualTo(session.epochs());
  }

  @Test
  void unknownFieldIsNamed() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\ntrain: {epoch: 3}\n"))
        .hasMessage("unknown field 'epoch' in train: expected batch_size, epochs, lr, seed");
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\nhybrenet: {topk: 3}\n"))
        .hasMessage("unknown field 'topk' in hybrenet: expected f_max, top_k, widths");
  }

  @Test
  void theFairProtocolsDefaults() {
    PipelineConfig c = PipelineFile.parse("name: x\ndataset: fashion-mnist\nbudgets: [1000]\n");
    assertThat(c.validation()).isEqualTo(5000);
    assertThat(c.inputs()).containsExactly("baseline", "hybrenet");
    assertThat(c.topK()).isEqualTo(3);
    assertThat(c.seeds()).containsExactly(42L);
    assertThat(c.latency()).isEqualTo("measured");
    assertThat(c.inputEpochs()).isEqualTo(100);
    PipelineConfig sub = PipelineFile.parse("name: x\ndataset: cifar10\nsubset: {train: 3000}\nbudgets: [1000]\n"
        + "seeds: [7, 8]\n");
    assertThat(sub.validation()).isEqualTo(300);
    assertThat(sub.seeds()).containsExactly(7L, 8L);
    assertThat(sub.firstSeed()).isEqualTo(7L);
  }

  @Test
  void fineTuningMustLeaveEpochsToTheInputNetworks() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\ntrain: {epochs: 5}\nfinetune: {epochs: 5}\n"))
        .hasMessage("pipeline field finetune.epochs must be >= 1 and < train.epochs (5): every network trains "
            + "train.epochs in all, was 5");
  }

  @Test
  void seedsAndTrainSeedAreExclusive() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\nseeds: [1]\ntrain: {seed: 2}\n"))
        .hasMessage("give seeds or train.seed, not both");
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\nseeds: [1, 1]\n"))
        .hasMessageContaining("pipeline field seeds must be a non-empty list of distinct seeds");
  }

  @Test
  void anUnknownInputNetworkIsNamed() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\ninputs: [resnet18]\n"))
        .hasMessageContaining("pipeline field inputs must be baseline, hybrenet or a HybReNet family member's name")
        .hasMessageEndingWith("was resnet18");
  }

  @Test
  void unknownMethodIsNamed() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\nmethods: [senet]\n"))
        .hasMessageContaining("pipeline field methods must be a list of deepreduce, snl, reuse, was senet");
  }

  @Test
  void budgetsAreRequired() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\n")).hasMessageStartingWith("budgets must be a list");
  }

  @Test
  void cliReportsABadFileWithExitCode2(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, "name: x\nbudgets: [-5]\n");
    CliRun r = CliRun.of("run", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + f + ": pipeline field budgets must be").doesNotContain("\tat ");
  }
}
