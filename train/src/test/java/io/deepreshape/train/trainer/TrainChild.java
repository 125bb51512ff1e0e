package io.deepreshape.train.trainer;

import ai.djl.Device;
import io.deepreshape.train.progress.ProgressLine;
import java.nio.file.Path;

/**
 * Child-process entry for {@link KillResumeTest}: trains the tiny CNN slowly (a delay per batch)
 * in the run directory given as the first argument.
 */
public final class TrainChild {
  private TrainChild() {}

  static final int EPOCHS = 3;
  static final long DELAY_MILLIS = 40;

  static TrainConfig config() {
    return TrainerTest.config(EPOCHS);
  }

  public static void main(String[] args) throws Exception {
    Path runDir = Path.of(args[0]);
    QuadrantData slow = new QuadrantData(512, 8, 32, 1, DELAY_MILLIS);
    Trainer.builder(TrainerTest.MODEL, slow).evalSource(TrainerTest.TEST).device(Device.cpu())
        .progress(System.err, ProgressLine.Mode.EPOCH_LINES).shutdownHook(true).build()
        .start(runDir, config());
  }
}
