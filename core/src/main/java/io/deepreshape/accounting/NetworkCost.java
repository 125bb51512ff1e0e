package io.deepreshape.accounting;

import io.deepreshape.graph.NetworkGraph;
import java.util.List;

/**
 * A network's accounting: per stage (stem, S1..SD, head) and, when asked for, per layer, with the
 * graph it was counted from (null for a cost assembled by hand).
 */
public record NetworkCost(String name, List<StageCost> stages, List<LayerCost> layers, NetworkGraph graph) {
  public NetworkCost {
    stages = List.copyOf(stages);
    layers = layers == null ? List.of() : List.copyOf(layers);
  }

  public NetworkCost(String name, List<StageCost> stages, List<LayerCost> layers) {
    this(name, stages, layers, null);
  }

  public long relus() {
    long n = 0;
    for (StageCost s : stages) {
      n += s.relus();
    }
    return n;
  }

  public long reuseMuxes() {
    return stages.stream().mapToLong(StageCost::reuseMuxes).sum();
  }

  public long macs() {
    return stages.stream().mapToLong(StageCost::macs).sum();
  }

  public long params() {
    return stages.stream().mapToLong(StageCost::params).sum();
  }

  public long activations() {
    return stages.stream().mapToLong(StageCost::activations).sum();
  }

  /** ReLUs of stage {@code i} (1..D; 0 is the stem). */
  public long stageRelus(int i) {
    return stages.get(i).relus();
  }

  /** Number of ReLU-carrying stages D (stem and head rows excluded). */
  public int depth() {
    return stages.size() - 2;
  }

  /** ReLU layers with at least one ReLU or multiplexer (what a PI protocol pays a round trip for). */
  public long reluLayerCount() {
    return layers.stream().filter(l -> l.kind() == LayerKind.RELU && (l.relus() > 0 || l.reuseMuxes() > 0)).count();
  }
}
