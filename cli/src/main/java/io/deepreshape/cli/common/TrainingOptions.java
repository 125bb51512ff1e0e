package io.deepreshape.cli.common;

import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The recipe options of every command that trains ({@code train}, {@code criticality measure},
 * {@code optimize}); epochs and the learning rate have per-command defaults and are the commands' own.
 */
public final class TrainingOptions {
  @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
  public int batchSize;

  @Option(names = "--weight-decay", defaultValue = "5e-4", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  public double weightDecay;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  public long seed;

  @Option(names = "--max-steps-per-epoch", defaultValue = "0", description = "Cap steps per epoch (0 = no cap).")
  public int maxSteps;

  @Option(names = "--quiet", description = "No progress output.")
  public boolean quiet;

  /** The section 8 recipe with these options, {@code epochs} and {@code lr}. */
  public TrainConfig config(int epochs, double lr) {
    return TrainConfig.defaults().toBuilder().epochs(epochs).batchSize(batchSize).learningRate(lr)
        .weightDecay(weightDecay).seed(seed).maxStepsPerEpoch(maxSteps).build();
  }

  /** A progress line on stderr, off with {@code --quiet}. */
  public ProgressLine progress() {
    return new ProgressLine(System.err, quiet ? ProgressLine.Mode.OFF : ProgressLine.Mode.AUTO);
  }
}
