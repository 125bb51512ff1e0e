package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training in a separate JVM, killed or terminated mid-epoch, then resumed in this JVM. */
class KillResumeTest {
  @TempDir Path tmp;

  private static byte[] straightParams;

  @BeforeAll
  static void straightRun(@TempDir Path dir) throws Exception {
    Engine.getInstance(); // native library extracted before any child starts
    TrainerTest.trainer(TrainerTest.TRAIN).build().start(dir, TrainChild.config());
    straightParams = Files.readAllBytes(dir.resolve(RunDirectory.FINAL_PARAMS));
  }

  private Process startChild(Path runDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dai.djl.offline=true"));
    cmd.addAll(djlThreadSettings());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainChild.class.getName(),
        runDir.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("child.log").toFile());
    return pb.start();
  }

  /** The child trains on as many PyTorch threads as this JVM, or the results differ in the last bits. */
  private static List<String> djlThreadSettings() {
    List<String> out = new ArrayList<>();
    for (String key : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
      String value = System.getProperty(key);
      if (value != null) {
        out.add("-D" + key + "=" + value);
      }
    }
    return out;
  }

  /** Waits until the child has finished epoch 1 and trained a few batches of epoch 2. */
  private void awaitMidSecondEpoch(Path runDir, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (new RunDirectory(runDir).readMetrics().isEmpty()) {
      assertThat(child.isAlive()).as("child alive; log: %s", log()).isTrue();
      assertThat(System.nanoTime()).as("epoch 1 finished in time").isLessThan(deadline);
      Thread.sleep(20);
    }
    Thread.sleep(6 * TrainChild.DELAY_MILLIS);
    assertThat(child.isAlive()).isTrue();
  }

  private String log() throws Exception {
    File f = tmp.resolve("child.log").toFile();
    return f.exists() ? Files.readString(f.toPath()) : "";
  }

  @Test
  void killedRunResumesFromLastEpochCheckpoint() throws Exception {
    Path runDir = tmp.resolve("run");
    Process child = startChild(runDir);
    awaitMidSecondEpoch(runDir, child);
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    CheckpointState state = CheckpointFile.read(runDir.resolve(RunDirectory.CHECKPOINT)).state();
    assertThat(state.completedEpochs()).isBetween(1, TrainChild.EPOCHS - 1);
    assertThat(state.batchInEpoch()).isZero();

    TrainResult r = TrainerTest.trainer(TrainerTest.TRAIN).build().resume(runDir);
    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
    List<EpochMetrics> m = new RunDirectory(runDir).readMetrics();
    assertThat(m).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(runDir.resolve(RunDirectory.FINAL_PARAMS)))
        .isEqualTo(straightParams);
  }

  @Test
  void terminatedRunCheckpointsMidEpochAndResumesExactly() throws Exception {
    Path runDir = tmp.resolve("run");
    Process child = startChild(runDir);
    awaitMidSecondEpoch(runDir, child);
    child.destroy(); // SIGTERM runs the shutdown hook, like Ctrl-C
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    CheckpointState state = CheckpointFile.read(runDir.resolve(RunDirectory.CHECKPOINT)).state();
    assertThat(state.reason()).as("log: %s", log()).isEqualTo("stop");
    assertThat(state.completedEpochs()).isEqualTo(1);
    assertThat(state.batchInEpoch()).isPositive();
    assertThat(log()).contains("stopped at epoch 2 batch " + state.batchInEpoch());

    TrainResult r = TrainerTest.trainer(TrainerTest.TRAIN).build().resume(runDir);
    assertThat(r.completedEpochs()).isEqualTo(TrainChild.EPOCHS);
    assertThat(new RunDirectory(runDir).readMetrics()).extracting(EpochMetrics::epoch)
        .containsExactly(1, 2, 3);
    assertThat(Files.readAllBytes(runDir.resolve(RunDirectory.FINAL_PARAMS)))
        .isEqualTo(straightParams);
  }
}
