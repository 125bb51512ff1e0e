package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.optim.SgdOptimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path tmp;

  private static final CheckpointState STATE =
      new CheckpointState(3, 7, 55, 16, 11, 0.5, 12.5, 100, 224, 1.5, "stop", 2);

  private Path writeCheckpoint() throws IOException {
    Path file = tmp.resolve(RunDirectory.CHECKPOINT);
    try (ModelHandle model = ModelHandle.create(TrainerTest.MODEL, Device.cpu(), 5)) {
      CheckpointFile.write(file, STATE, model, new SgdOptimizer(0.9, 0, false));
    }
    return file;
  }

  @Test
  void roundTripKeepsStateAndParameters() throws Exception {
    Path file = writeCheckpoint();
    CheckpointFile.Contents c = CheckpointFile.read(file);
    assertThat(c.state()).isEqualTo(STATE);
    try (ModelHandle model = ModelHandle.create(TrainerTest.MODEL, Device.cpu(), 5);
        ModelHandle other = ModelHandle.create(TrainerTest.MODEL, Device.cpu(), 6)) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      model.saveParameters(expected);
      assertThat(c.modelParameters()).isEqualTo(expected.toByteArray());
      other.loadParameters(new ByteArrayInputStream(c.modelParameters()));
      ByteArrayOutputStream reloaded = new ByteArrayOutputStream();
      other.saveParameters(reloaded);
      assertThat(reloaded.toByteArray()).isEqualTo(expected.toByteArray());
      assertThat(other.trainableArrays()).hasSize(6);
      assertThat(other.trainableArrays().values()).allMatch(a -> a.hasGradient());
    }
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void corruptionAndTruncationAreReported() throws Exception {
    Path file = writeCheckpoint();
    byte[] bytes = Files.readAllBytes(file);
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 1;
    Files.write(file, flipped);
    assertThatThrownBy(() -> CheckpointFile.read(file))
        .hasMessageContaining("checkpoint " + file + " is corrupt");
    Files.write(file, Arrays.copyOf(bytes, 5));
    assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining(file.toString());
  }
}
