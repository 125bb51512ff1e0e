package io.deepreshape.train.optimize;

import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The networks DeepReDuce's criticality measurement trains (Jha et al., ICML 2021; DEEPRESHAPE.md
 * section 4): the all-linear network, in which every ReLU layer (stem and head included) is identity,
 * and for each stage k the network in which only stage k keeps its ReLUs; of a spec, or of any network
 * graph (an imported one's, whose stages come from the graph).
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

  /** As {@link #linear(NetworkSpec)} for any graph (a spec's: the graph of its linear spec). */
  public static NetworkGraph linear(NetworkGraph graph) {
    if (graph.spec().isPresent()) {
      return NetworkGraph.of(linear(graph.spec().get()));
    }
    return graph.withReluModes(identityExcept(graph, -1)).renamed(graph.name() + "-linear");
  }

  /** As {@link #stageOnly(NetworkSpec, int)} for any graph. */
  public static NetworkGraph stageOnly(NetworkGraph graph, int k) {
    if (graph.spec().isPresent()) {
      return NetworkGraph.of(stageOnly(graph.spec().get(), k));
    }
    if (k < 1 || k > graph.depth()) {
      throw new UserInputException("stage must be between 1 and " + graph.depth() + ", was " + k);
    }
    return graph.withReluModes(identityExcept(graph, k)).renamed(graph.name() + "-S" + k + "-only");
  }

  /** Identity for every ReLU layer outside stage {@code keptStage} (-1: every layer, the stem's included). */
  private static Map<ReluAddress, ReluMode> identityExcept(NetworkGraph graph, int keptStage) {
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    for (ReluLayer l : graph.reluLayers()) {
      if (l.stage() != keptStage) {
        modes.put(l.address(), ReluMode.IDENTITY);
      }
    }
    return modes;
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
