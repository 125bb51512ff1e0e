package io.deepreshape.cli.train;

import io.deepreshape.cli.CommandGroup;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.train.data.DatasetException;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.Split;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.data.SyntheticDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataset synth|info}: write the deterministic synthetic dataset, or check and describe a dataset folder. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Write or inspect datasets.",
    subcommands = {DatasetCommand.Synth.class, DatasetCommand.Info.class})
public final class DatasetCommand extends CommandGroup {
  /** Writes the synthetic dataset in CIFAR-10's binary format. */
  @Command(name = "synth", mixinStandardHelpOptions = true,
      description = "Write a deterministic synthetic dataset (CIFAR-10 binary format) that a small CNN learns in a minute.")
  static final class Synth implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--train", defaultValue = "5000", description = "Training images (default: ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--test", defaultValue = "1000", description = "Test images (default: ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--size", defaultValue = "32", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Replace dataset files the output folder already holds.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      SyntheticConfig config = new SyntheticConfig(classes, train, test, size, seed);
      OutputFolder.refuseReplacing(out, List.of(SyntheticDataset.TRAIN_FILE, SyntheticDataset.TEST_FILE,
          SyntheticDataset.META_FILE), force, "--out");
      OutputFolder.create(out, "--out");
      SyntheticDataset.generate(config, out);
      PrintWriter w = spec.commandLine().getOut();
      w.println("wrote " + train + " training and " + test + " test images (" + classes + " classes, 3x" + size + "x"
          + size + ", seed " + seed + ") to " + out);
      w.flush();
      return ExitCodes.OK;
    }
  }

  /** Reads and validates a dataset folder and prints its size. */
  @Command(name = "info", mixinStandardHelpOptions = true, description = "Check a dataset folder and print its shape.")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "cifar10, cifar100, tinyimagenet, fashion-mnist, synthetic.")
    String dataset;

    @Option(names = "--data", description = "Dataset folder (fashion-mnist defaults to the Debian package's).")
    Path data;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      for (Split split : Split.values()) {
        ImageDataset ds = DataAccess.open(dataset, data, split);
        w.println(ds.name() + ": " + ds.size() + " images, " + ds.channels() + "x" + ds.height() + "x" + ds.width()
            + ", " + ds.classes() + " classes");
      }
      w.flush();
      return ExitCodes.OK;
    }
  }

  /** Opens datasets, turning data errors into user errors. */
  static final class DataAccess {
    private DataAccess() {}

    static ImageDataset open(String dataset, Path dir, Split split) {
      try {
        return Datasets.open(dataset, dir, split);
      } catch (DatasetException e) {
        throw new UserException(e.getMessage(), e);
      }
    }
  }
}
