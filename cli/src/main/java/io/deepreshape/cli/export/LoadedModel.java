package io.deepreshape.cli.export;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.error.UserInputException;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.model.BuiltModel;
import io.deepreshape.train.model.ModelBuilder;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.SpecModelFactory;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/** A spec's DJL model on the CPU, with a run's trained parameters or DJL's random initialisation. */
record LoadedModel(NetworkSpec spec, BuiltModel built, ModelHandle handle) implements AutoCloseable {

  /** The finished run in {@code runDir}; a missing or mismatched parameters file is the user's mistake. */
  static LoadedModel fromRun(Path runDir) {
    NetworkSpec spec = RunFiles.spec(runDir);
    Path params = runDir.resolve(RunDirectory.FINAL_PARAMS);
    if (!Files.isRegularFile(params)) {
      throw new UserInputException(runDir + " has no " + RunDirectory.FINAL_PARAMS + ": the run has not finished");
    }
    Factory f = new Factory(spec);
    ModelHandle handle = ModelHandle.load(f, Device.cpu(), params);
    return new LoadedModel(spec, f.built, handle);
  }

  /** {@code spec}'s model with DJL's initialisation seeded by {@code seed}. */
  static LoadedModel random(NetworkSpec spec, long seed) {
    Factory f = new Factory(spec);
    ModelHandle handle = ModelHandle.create(f, Device.cpu(), seed);
    return new LoadedModel(spec, f.built, handle);
  }

  @Override
  public void close() {
    handle.close();
  }

  /** Builds the spec's model and keeps its layers by address. */
  private static final class Factory implements ModelFactory {
    private final NetworkSpec spec;
    private BuiltModel built;

    Factory(NetworkSpec spec) {
      this.spec = spec;
    }

    @Override
    public Block build() {
      built = ModelBuilder.build(spec);
      return built.block();
    }

    @Override
    public Shape inputShape() {
      return new SpecModelFactory(spec).inputShape();
    }
  }
}
