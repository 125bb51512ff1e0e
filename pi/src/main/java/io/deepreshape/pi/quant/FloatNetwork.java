package io.deepreshape.pi.quant;

import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.spec.NetworkSpec;
import java.util.List;

/**
 * A network as a program of {@link Step}s with float parameters, batch norms folded into the
 * preceding convolution and average pooling into the classifier (PI-ENGINE.md section 1). Built
 * by {@link ProgramBuilder}; weights are null when built from {@link WeightSource#SHAPE_ONLY}.
 *
 * @param graph the network graph (a spec's or an imported model's)
 * @param inputChannels image channels
 * @param inputHeight image height
 * @param inputWidth image width
 * @param steps the program in execution order
 * @param weights per linear layer id: folded weights, or null
 * @param biases per linear layer id: folded biases (one per output channel), or null
 */
public record FloatNetwork(NetworkGraph graph, int inputChannels, int inputHeight, int inputWidth,
    List<Step> steps, double[][] weights, double[][] biases) {
  /** Copies the step list. */
  public FloatNetwork {
    steps = List.copyOf(steps);
  }

  /** The spec of a spec's network; an imported network has none. */
  public NetworkSpec spec() {
    return graph.spec().orElseThrow(() -> new IllegalStateException("the imported network " + graph.name()
        + " has no spec"));
  }

  /** Number of linear layers. */
  public int linearCount() {
    int n = 0;
    for (Step s : steps) {
      n += s.linears().size();
    }
    return n;
  }

  /** Image elements C*H*W. */
  public int inputElements() {
    return inputChannels * inputHeight * inputWidth;
  }

  /** Number of classes (outputs of the last step). */
  public int classes() {
    return steps.get(steps.size() - 1).elements();
  }

  /** Whether parameters are present. */
  public boolean hasWeights() {
    return weights != null;
  }
}
