package io.deepreshape.equalization;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.scaling.ChannelScaling;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;

/**
 * Stage ReLUs (S1..SD: the blocks' ReLU layers, stem and WideResNet head excluded, as
 * {@link Accounting#stageRelus}) and total FLOPs of a base scaled to some factors.
 */
record StageEval(long[] stageRelus, long macs) {

  /** Evaluates {@code spec} from one graph. */
  static StageEval of(NetworkSpec spec) {
    NetworkGraph graph = NetworkGraph.of(spec);
    return new StageEval(graph.stageRelus(), Accounting.of(graph).macs());
  }

  /** The base at {@code factors} (its own m), or null when a stage would exceed {@link ChannelScaling#MAX_WIDTH}. */
  static StageEval of(NetworkSpec base, int[] factors) {
    NetworkSpec spec;
    try {
      spec = ChannelScaling.withFactors(base, base.baseWidth(), factors);
    } catch (SpecException tooWide) {
      return null;
    }
    return of(spec);
  }
}
