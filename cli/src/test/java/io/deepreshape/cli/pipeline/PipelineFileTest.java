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
    for (String name : List.of("cifar100-resnet18", "tinyimagenet-resnet18", "fashion-mnist")) {
      Path f = Path.of("..", "pipelines", name + ".yaml");
      PipelineConfig c = PipelineFile.read(f);
      assertThat(c.name()).isEqualTo(name);
      assertThat(c.budgets()).isNotEmpty();
    }
    PipelineConfig c = PipelineFile.read(Path.of("..", "pipelines", "cifar100-resnet18.yaml"));
    assertThat(c.baseline()).isEqualTo("resnet18");
    assertThat(c.epochs()).isEqualTo(200);
    assertThat(c.methods()).containsExactly("deepreduce", "snl");
  }

  @Test
  void unknownFieldIsNamed() {
    assertThatThrownBy(() -> PipelineFile.parse("name: x\nbudgets: [1000]\ntrain: {epoch: 3}\n"))
        .hasMessage("unknown field 'epoch' in train: expected batch_size, epochs, lr, seed");
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
