package io.deepreshape.train.optimize;

import io.deepreshape.error.UserInputException;

import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The networks DeepReDuce's criticality measurement trains (Jha et al., ICML 2021; DEEPRESHAPE.md
 * section 4): the all-linear network, in which every ReLU layer (stem and head included) is identity,
 * and for each stage k the network in which only stage k keeps its ReLUs.
 */
public final class StageOnlySpecs {
  private StageOnlySpecs() {}

  /** Every ReLU layer of {@code spec} becomes identity; the name gets the suffix {@code -linear}. */
  public static NetworkSpec linear(NetworkSpec spec) {
    return spec.withReluModes(identityExcept(spec, 0)).withName(spec.name() + "-linear");
  }

  /**
   * Only stage {@code k}'s ReLU layers keep their modes (full unless the spec says otherwise); every
   * other layer, stem included, is identity. The name gets the suffix {@code -S<k>-only}.
   */
  public static NetworkSpec stageOnly(NetworkSpec spec, int k) {
    if (k < 1 || k > spec.depth()) {
      throw new UserInputException("stage must be between 1 and " + spec.depth() + ", was " + k);
    }
    return spec.withReluModes(identityExcept(spec, k)).withName(spec.name() + "-S" + k + "-only");
  }

  private static Map<ReluAddress, ReluMode> identityExcept(NetworkSpec spec, int keptStage) {
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    if (spec.hasRelu(ReluAddress.STEM)) {
      modes.put(ReluAddress.STEM, ReluMode.IDENTITY);
    }
    if (spec.hasRelu(ReluAddress.HEAD)) {
      modes.put(ReluAddress.HEAD, ReluMode.IDENTITY);
    }
    for (int s = 1; s <= spec.depth(); s++) {
      if (s == keptStage) {
        continue;
      }
      for (int b = 1; b <= spec.stages().get(s - 1).phi(); b++) {
        for (int p = 1; p <= spec.block().reluLayers(); p++) {
          modes.put(ReluAddress.of(s, b, p), ReluMode.IDENTITY);
        }
      }
    }
    return modes;
  }
}
