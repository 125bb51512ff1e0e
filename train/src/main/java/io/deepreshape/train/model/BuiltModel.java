package io.deepreshape.train.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.graph.NetworkGraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network graph's DJL model, its ReLU layers (in execution order, for counting and masking) and its
 * parameterised layers by node address ({@link io.deepreshape.graph.Node#address()}: convolutions,
 * batch norms, the classifier, pooling), so that weights are read by address, not by position.
 */
public record BuiltModel(NetworkGraph graph, Block block, List<ReluModeBlock> relus, Map<String, Block> layers) {
  public BuiltModel {
    relus = List.copyOf(relus);
    layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** Trainable parameters as the accounting counts them: weights, biases, BN gamma and beta (not running stats). */
  public long parameterCount() {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter.Type t = p.getValue().getType();
      if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  /** ReLU comparisons the model's layers evaluated since the last reset. */
  public long evaluatedRelus() {
    return relus.stream().mapToLong(ReluModeBlock::evaluatedRelus).sum();
  }

  public void resetReluCounts() {
    relus.forEach(ReluModeBlock::resetCount);
  }
}
