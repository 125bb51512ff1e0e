package io.deepreshape.cli.pi;

import io.deepreshape.error.UserInputException;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.Normalization;
import io.deepreshape.train.data.Split;
import io.deepreshape.train.model.TrainedWeights;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained run loaded for private inference: its spec, its folded float network (the DJL
 * parameters read by node address through {@link TrainedWeights}, batch norms in inference mode folded
 * into the convolutions, PI-ENGINE.md section 1) and the normalisation its inputs were trained with.
 * It wires the trainer's run directory to the engine, which depends on {@code core} alone.
 *
 * @param graph the run's network (a spec's, or an imported network's)
 * @param network the folded float network
 * @param data the run's data settings
 * @param normalization the input normalisation
 */
public record RunModel(NetworkGraph graph, FloatNetwork network, DataSettings data,
    Normalization normalization) {
  /** Loads {@code runDir}; fails naming the missing file. */
  public static RunModel load(Path runDir) {
    NetworkGraph graph = RunFiles.graph(runDir);
    Path params = runDir.resolve(RunDirectory.FINAL_PARAMS);
    if (!Files.isRegularFile(params)) {
      throw new UserInputException(runDir + " has no " + RunDirectory.FINAL_PARAMS
          + ": the run has not finished");
    }
    TrainedWeights w = TrainedWeights.load(graph, params);
    FloatNetwork net = ProgramBuilder.build(graph, w);
    if (!w.unread().isEmpty()) {
      throw new UserInputException("the model in " + params
          + " has layers its spec's graph does not read: " + w.unread());
    }
    DataSettings data = RunFiles.data(runDir);
    return new RunModel(graph, net, data, normalization(data));
  }

  /** The training normalisation: published statistics, else computed on the training split. */
  static Normalization normalization(DataSettings data) {
    return Normalization.defaults(Datasets.canonical(data.dataset()))
        .orElseGet(() -> Datasets.normalization(data.dataset(),
            Datasets.open(data.dataset(), data.dataPath(), Split.TRAIN)));
  }

  /** Image {@code index} of {@code ds} normalised with {@code norm}, CHW. */
  public static double[] image(ImageDataset ds, int index, float[] mean, float[] std) {
    byte[] raw = new byte[ds.imageBytes()];
    ds.copyImage(index, raw, 0);
    int hw = ds.height() * ds.width();
    double[] x = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      int c = i / hw;
      double v = (raw[i] & 0xff) / 255.0;
      x[i] = mean == null ? v : (v - mean[c]) / std[c];
    }
    return x;
  }
}
