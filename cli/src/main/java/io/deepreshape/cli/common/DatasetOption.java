package io.deepreshape.cli.common;

import io.deepreshape.spec.Dataset;
import picocli.CommandLine.Option;

/** {@code --dataset NAME}: a preset's input size and classes, and the images a command trains on. */
public final class DatasetOption {
  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar100",
      description = "Dataset: cifar10, cifar100, tinyimagenet, imagenet, fashion-mnist, synthetic; it fixes a "
          + "preset's input size and classes (default: ${DEFAULT-VALUE}).")
  String name;

  /** The dataset as given. */
  public String name() {
    return name;
  }

  public Dataset dataset() {
    return Dataset.parse(name);
  }
}
