package io.deepreshape.cli.common;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;

/** Exactly one network, {@code --preset NAME | --spec FILE}, and {@code --dataset NAME}. */
public final class OneNetworkOptions {
  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The network (one of):%n")
  PresetOrSpec network;

  @Mixin
  DatasetOption dataset;

  public Dataset dataset() {
    return dataset.dataset();
  }

  /** The network asked for. */
  public NetworkSpec spec() {
    return network.spec(dataset());
  }
}
