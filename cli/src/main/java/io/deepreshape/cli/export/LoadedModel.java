package io.deepreshape.cli.export;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.model.BuiltModel;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network's DJL model on the CPU (a spec's, or an imported network's run), with a run's trained
 * parameters or DJL's random initialisation.
 */
record LoadedModel(NetworkGraph graph, BuiltModel built, ModelHandle handle) implements AutoCloseable {

  /** The finished run in {@code runDir}; a missing or mismatched parameters file is the user's mistake. */
  static LoadedModel fromRun(Path runDir) {
    NetworkGraph graph = RunFiles.graph(runDir);
    Path params = runDir.resolve(RunDirectory.FINAL_PARAMS);
    if (!Files.isRegularFile(params)) {
      throw new UserInputException(runDir + " has no " + RunDirectory.FINAL_PARAMS + ": the run has not finished");
    }
    GraphModelFactory f = new GraphModelFactory(graph);
    ModelHandle handle = ModelHandle.load(f, Device.cpu(), params);
    return new LoadedModel(graph, f.built(), handle);
  }

  /** {@code spec}'s model with DJL's initialisation seeded by {@code seed}. */
  static LoadedModel random(NetworkSpec spec, long seed) {
    GraphModelFactory f = new GraphModelFactory(NetworkGraph.of(spec));
    ModelHandle handle = ModelHandle.create(f, Device.cpu(), seed);
    return new LoadedModel(f.built().graph(), f.built(), handle);
  }

  @Override
  public void close() {
    handle.close();
  }
}
