package io.deepreshape.cli.design;

import io.deepreshape.cli.common.DatasetOption;
import io.deepreshape.cli.common.PresetOrSpec;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;

/**
 * The base architecture of a HybReNet family or design ({@code --preset}, default resnet18, or
 * {@code --spec}) and {@code --dataset}: the family takes its input, stem, block type and stage
 * depths from it.
 */
public final class BaseOptions {
  static final String DEFAULT_PRESET = "resnet18";

  @ArgGroup(exclusive = true, heading = "The base network: its stage depths, block and stem (at most one; default: "
      + "--preset " + DEFAULT_PRESET + "):%n")
  PresetOrSpec network;

  @Mixin
  DatasetOption dataset;

  public Dataset dataset() {
    return dataset.dataset();
  }

  public NetworkSpec base() {
    return network == null ? Presets.build(DEFAULT_PRESET, dataset()) : network.spec(dataset());
  }
}
