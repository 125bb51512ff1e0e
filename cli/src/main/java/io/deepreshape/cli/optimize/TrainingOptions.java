package io.deepreshape.cli.optimize;

import io.deepreshape.train.trainer.TrainConfig;
import picocli.CommandLine.Option;

/** Recipe options shared by {@code criticality} and {@code optimize}; defaults are set per command. */
public final class TrainingOptions {
  @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--weight-decay", defaultValue = "5e-4", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-steps-per-epoch", defaultValue = "0", description = "Cap steps per epoch (0 = no cap).")
  int maxSteps;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  /** The section 8 recipe with these options, {@code epochs} and {@code lr}. */
  TrainConfig config(int epochs, double lr) {
    return TrainConfig.defaults().toBuilder().epochs(epochs).batchSize(batchSize).learningRate(lr)
        .weightDecay(weightDecay).seed(seed).maxStepsPerEpoch(maxSteps).build();
  }
}
