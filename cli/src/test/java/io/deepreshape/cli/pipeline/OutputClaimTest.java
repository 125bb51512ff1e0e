package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.cli.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline resumes its own output folder and refuses anyone else's unless --force. */
class OutputClaimTest {
  @TempDir
  Path dir;

  @Test
  void aPipelineReclaimsItsOwnFolder() throws Exception {
    Path out = dir.resolve("p");
    RunCommand.claim(out, "p", false);
    Files.writeString(out.resolve("results.json"), "{}");
    RunCommand.claim(out, "p", false);
    assertThat(Files.readString(out.resolve(RunCommand.MARKER)).strip()).isEqualTo("p");
  }

  @Test
  void anotherPipelinesFolderIsRefused() throws Exception {
    Path out = dir.resolve("p");
    RunCommand.claim(out, "p", false);
    assertThatThrownBy(() -> RunCommand.claim(out, "q", false)).isInstanceOf(UserException.class)
        .hasMessageContaining("holds the output of pipeline p, not q");
    RunCommand.claim(out, "q", true);
    assertThat(Files.readString(out.resolve(RunCommand.MARKER)).strip()).isEqualTo("q");
  }

  @Test
  void aFolderOfOtherFilesIsRefused() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> RunCommand.claim(dir, "p", false)).isInstanceOf(UserException.class)
        .hasMessageContaining("not a pipeline's output");
    assertThat(dir.resolve(RunCommand.MARKER)).doesNotExist();
  }
}
