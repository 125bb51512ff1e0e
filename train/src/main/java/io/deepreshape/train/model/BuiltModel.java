package io.deepreshape.train.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.spec.NetworkSpec;
import java.util.List;

/** A spec's DJL model and its ReLU layers (in execution order, for counting and masking). */
public record BuiltModel(NetworkSpec spec, Block block, List<ReluModeBlock> relus) {

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
