package io.deepreshape.train.optimize;

import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A DeepReDuce reduction (Jha et al., ICML 2021): the stages culled (every ReLU removed), then the
 * stages thinned (every other ReLU layer removed), whether the stem ReLU was culled too, the reduced
 * network and its ReLU count.
 */
public record DeepReducePlan(List<Integer> culled, List<Integer> thinned, boolean stemCulled, NetworkGraph graph,
    long relus) {
  public DeepReducePlan {
    culled = List.copyOf(culled);
    thinned = List.copyOf(thinned);
  }

  /** The reduced spec (a plan of a spec's network). */
  public NetworkSpec spec() {
    return graph.spec().orElseThrow(() -> new IllegalStateException(graph.name() + " is an imported network"));
  }

  /** {@code "cull S1, S4; thin S2"}, or {@code "none"} when the network already met the budget. */
  public String label() {
    List<String> parts = new ArrayList<>();
    if (stemCulled) {
      parts.add("cull stem");
    }
    if (!culled.isEmpty()) {
      parts.add("cull " + stages(culled));
    }
    if (!thinned.isEmpty()) {
      parts.add("thin " + stages(thinned));
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }

  private static String stages(List<Integer> s) {
    return s.stream().map(i -> "S" + i).collect(Collectors.joining(", "));
  }
}
