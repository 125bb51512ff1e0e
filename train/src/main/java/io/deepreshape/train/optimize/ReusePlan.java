package io.deepreshape.train.optimize;

import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.NetworkSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ReLU-reuse reduction (DEEPRESHAPE.md section 6.3): group size {@code r} applied to the live ReLU
 * layers of {@code stages} (least critical first) and, if {@code stem}, to the stem ReLU; a layer with
 * fewer than r channels gets one group of all its channels. {@code groupSize == 0} means no reuse was
 * needed.
 */
public record ReusePlan(int groupSize, List<Integer> stages, boolean stem, NetworkGraph graph, long relus) {
  public ReusePlan {
    stages = List.copyOf(stages);
  }

  /** The reduced spec (a plan of a spec's network). */
  public NetworkSpec spec() {
    return graph.spec().orElseThrow(() -> new IllegalStateException(graph.name() + " is an imported network"));
  }

  /** {@code "reuse:4 on S1, S4"}, or {@code "none"}. */
  public String label() {
    if (groupSize == 0) {
      return "none";
    }
    String where = stages.stream().map(s -> "S" + s).collect(Collectors.joining(", "));
    return "reuse:" + groupSize + " on " + where + (stem ? ", stem" : "");
  }
}
