package io.deepreshape.cli.common;

import io.deepreshape.spec.Dataset;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.run.DataSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, {@code --train-subset N} and {@code --test-subset N}: the images a new run trains on. */
public final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Dataset folder (fashion-mnist defaults to the Debian package's).")
  Path dir;

  @Option(names = "--train-subset", defaultValue = "0", description = "Train on N random training images (0 = all).")
  int trainSubset;

  @Option(names = "--test-subset", defaultValue = "0", description = "Evaluate on N random test images (0 = all).")
  int testSubset;

  /** The data settings of a run on {@code dataset}; {@code seed} draws the subsets. */
  public DataSettings settings(Dataset dataset, long seed) {
    return new DataSettings(Datasets.canonical(dataset.key()), dir == null ? null : dir.toString(), trainSubset,
        testSubset, seed);
  }
}
