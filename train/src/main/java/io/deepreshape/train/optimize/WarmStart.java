package io.deepreshape.train.optimize;

import ai.djl.Device;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.run.RunData;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.SpecModelFactory;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.optim.SgdOptimizer;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a fine-tuning run that starts from trained weights instead of a random initialisation, as
 * DeepReDuce and SNL fine-tune the pretrained network: writes the run's spec, data settings, config,
 * empty metrics and an epoch-0 checkpoint holding the source weights (copied by name, see {@link
 * ParameterTransfer}). {@code TrainingRun.train} then resumes from that checkpoint. The checkpoint is
 * written last and atomically, so a half-prepared folder is prepared again.
 */
public final class WarmStart {
  private WarmStart() {}

  /**
   * @param sourceFactory builds the model whose parameters {@code sourceParams} holds
   * @return how many parameter arrays came from the source
   */
  public static int prepare(Path runDir, NetworkSpec spec, DataSettings data, TrainConfig config,
      ModelFactory sourceFactory, Path sourceParams, Device device) throws IOException {
    return prepare(runDir, NetworkGraph.of(spec), data, config, sourceFactory, sourceParams, device);
  }

  /**
   * As {@link #prepare(Path, NetworkGraph, DataSettings, TrainConfig, ModelFactory, Path, Device)} from the
   * parameters {@code weights} gives (an imported pretrained network's), for training to continue from them.
   */
  public static int prepare(Path runDir, NetworkGraph graph, WeightSource weights, DataSettings data,
      TrainConfig config, Device device) throws IOException {
    Files.createDirectories(runDir);
    Path source = runDir.resolve("imported.params.partial");
    try (ModelHandle h = GraphModelFactory.withWeights(graph, weights, device)) {
      AtomicFiles.write(source, h::saveParameters);
    }
    try {
      return prepare(runDir, graph, data, config, new GraphModelFactory(graph), source, device);
    } finally {
      Files.deleteIfExists(source);
    }
  }

  /** As {@link #prepare(Path, NetworkSpec, DataSettings, TrainConfig, ModelFactory, Path, Device)} for any graph. */
  public static int prepare(Path runDir, NetworkGraph graph, DataSettings data, TrainConfig config,
      ModelFactory sourceFactory, Path sourceParams, Device device) throws IOException {
    RunData opened = RunData.open(data, graph.input());
    int batches = opened.trainSource(config.batchSize(), config.seed()).batchesPerEpoch();
    int steps = config.maxStepsPerEpoch() > 0 ? Math.min(batches, config.maxStepsPerEpoch()) : batches;
    RunFiles.write(runDir, graph, data);
    RunDirectory run = new RunDirectory(runDir);
    run.writeConfig(config);
    run.writeMetrics(List.of());
    try (InputStream in = Files.newInputStream(sourceParams);
        ModelHandle source = ModelHandle.load(sourceFactory, device, in);
        ModelHandle student = ModelHandle.create(new GraphModelFactory(graph), device, config.seed())) {
      int copied = ParameterTransfer.copy(source.block(), student.block(), student.manager());
      CheckpointState start = new CheckpointState(0, 0, 0, steps, config.seed(), null, 0, 0, 0, 0, "start", 0);
      CheckpointFile.write(run.checkpointFile(), start, student, SgdOptimizer.of(config));
      return copied;
    }
  }
}
