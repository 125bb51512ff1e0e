package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A frozen teacher network for knowledge distillation: parameters loaded from a file, forward in
 * inference mode, no gradients.
 */
public final class Teacher implements AutoCloseable {
  private final ModelHandle model;

  private Teacher(ModelHandle model) {
    this.model = model;
  }

  /** Loads parameters written by {@link ModelHandle#saveParameters} (e.g. a run's final.params). */
  public static Teacher fromParameters(ModelFactory factory, Path parameters, Device device)
      throws IOException {
    return new Teacher(ModelHandle.load(factory, device, parameters));
  }

  /**
   * Loads a teacher from a run directory: its {@code final.params}, or the parameters of its latest
   * checkpoint when the run has not finished.
   */
  public static Teacher fromRun(ModelFactory factory, Path runDir, Device device)
      throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    if (Files.isRegularFile(run.finalParamsFile())) {
      return fromParameters(factory, run.finalParamsFile(), device);
    }
    if (!run.hasCheckpoint()) {
      throw new IOException("teacher run " + runDir + " has neither "
          + RunDirectory.FINAL_PARAMS + " nor " + RunDirectory.CHECKPOINT);
    }
    byte[] params = CheckpointFile.read(run.checkpointFile()).modelParameters();
    return new Teacher(ModelHandle.load(factory, device, new ByteArrayInputStream(params)));
  }

  /** Wraps an already loaded model; the teacher takes ownership and freezes it. */
  public static Teacher of(ModelHandle model) {
    model.block().freezeParameters(true);
    return new Teacher(model);
  }

  /** Teacher logits for {@code input} in inference mode (call outside a gradient collector). */
  public NDArray logits(NDArray input) {
    return model.forward(input, false);
  }

  public ModelHandle model() {
    return model;
  }

  @Override
  public void close() {
    model.close();
  }
}
