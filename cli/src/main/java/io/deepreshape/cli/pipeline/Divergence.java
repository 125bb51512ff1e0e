package io.deepreshape.cli.pipeline;

import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recovery from a diverged training run: the pipeline restarts it once at a tenth of the learning rate,
 * after removing the trainer's state (the run's spec, data settings and any plan stay).
 */
final class Divergence {
  private Divergence() {}

  static void clearTraining(Path run) throws IOException {
    for (String f : new String[] {RunDirectory.CHECKPOINT, RunDirectory.METRICS, RunDirectory.CONFIG,
        RunDirectory.FINAL_PARAMS}) {
      Files.deleteIfExists(run.resolve(f));
    }
  }
}
