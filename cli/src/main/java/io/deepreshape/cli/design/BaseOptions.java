package io.deepreshape.cli.design;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The base architecture of a HybReNet family or design ({@code --preset}, default resnet18, or
 * {@code --spec}) and {@code --dataset}: the family takes its input, stem, block type and stage
 * depths from it.
 */
public final class BaseOptions {
  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "resnet18",
      description = "Base network preset: stage depths, block and stem of the family (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--spec", paramLabel = "FILE", description = "Base network spec file (instead of --preset).")
  Path spec;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar100",
      description = "Dataset: cifar10, cifar100, tinyimagenet, imagenet, fashion-mnist, synthetic "
          + "(default: ${DEFAULT-VALUE}).")
  String dataset;

  public Dataset dataset() {
    return Dataset.parse(dataset);
  }

  public NetworkSpec base() {
    return spec != null ? SpecIo.read(spec) : Presets.build(preset, dataset());
  }
}
