package io.deepreshape.train.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SNL's binarisation to a budget (Cho et al., ICML 2022): channels are taken in descending order of
 * their mask value and kept while their ReLUs (H*W each) still fit in what the budget leaves after the
 * layers without masks; a channel that no longer fits is skipped and smaller ones are still tried, so
 * the count lands exactly on the budget whenever the channel sizes allow. The kept channels become
 * {@code partial:channels=} modes ({@code identity} when none is kept, {@code full} when all are).
 */
public final class SnlSelection {
  /** The binarised spec, its ReLU count and whether it equals the budget exactly. */
  public record Result(NetworkSpec spec, long relus, boolean exact, long keptChannels) {}

  private record Channel(ReluLayer layer, int index, float alpha) {}

  private SnlSelection() {}

  /**
   * @param alphas mask values of the masked layers (each {@code full} in {@code spec}), by address
   * @throws IllegalArgumentException when the unmasked layers alone exceed the budget
   */
  public static Result select(NetworkSpec spec, Map<ReluAddress, ReluLayer> layers, Map<ReluAddress, float[]> alphas,
      long budget) {
    NetworkSpec reduced = spec.withReluModes(modes(Accounting.of(spec).relus(), layers, alphas, budget));
    long relus = Accounting.of(reduced).relus();
    return new Result(reduced, relus, relus == budget, kept(reduced, alphas));
  }

  /** The binarised graph (an imported network's) of {@link #select(NetworkSpec, Map, Map, long)}. */
  public record GraphResult(NetworkGraph graph, long relus, boolean exact) {}

  /** As {@link #select(NetworkSpec, Map, Map, long)} for any graph. */
  public static GraphResult select(NetworkGraph graph, Map<ReluAddress, ReluLayer> layers,
      Map<ReluAddress, float[]> alphas, long budget) {
    NetworkGraph reduced = graph.withReluModes(modes(Accounting.of(graph).relus(), layers, alphas, budget));
    long relus = Accounting.of(reduced).relus();
    return new GraphResult(reduced, relus, relus == budget);
  }

  private static long kept(NetworkSpec reduced, Map<ReluAddress, float[]> alphas) {
    long n = 0;
    for (Map.Entry<ReluAddress, float[]> e : alphas.entrySet()) {
      ReluMode m = reduced.reluMode(e.getKey());
      n += m instanceof ReluMode.Full ? e.getValue().length
          : m instanceof ReluMode.PartialChannels p ? p.count() : 0;
    }
    return n;
  }

  private static Map<ReluAddress, ReluMode> modes(long total, Map<ReluAddress, ReluLayer> layers,
      Map<ReluAddress, float[]> alphas, long budget) {
    long fixed = total;
    List<Channel> channels = new ArrayList<>();
    for (Map.Entry<ReluAddress, float[]> e : alphas.entrySet()) {
      ReluLayer layer = layers.get(e.getKey());
      fixed -= layer.relus();
      float[] a = e.getValue();
      for (int c = 0; c < a.length; c++) {
        channels.add(new Channel(layer, c, a[c]));
      }
    }
    if (fixed > budget) {
      throw new UserInputException("the ReLU layers SNL does not mask already hold " + fixed
          + " ReLUs, more than the budget " + budget);
    }
    channels.sort(Comparator.comparingDouble((Channel c) -> -c.alpha())
        .thenComparing(c -> c.layer().address()).thenComparingInt(Channel::index));
    long left = budget - fixed;
    Map<ReluAddress, BitSet> kept = new TreeMap<>();
    for (Channel c : channels) {
      long cost = (long) c.layer().height() * c.layer().width();
      if (cost <= left) {
        kept.computeIfAbsent(c.layer().address(), a -> new BitSet()).set(c.index());
        left -= cost;
      }
    }
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    for (Map.Entry<ReluAddress, float[]> e : alphas.entrySet()) {
      BitSet bits = kept.getOrDefault(e.getKey(), new BitSet());
      int n = e.getValue().length;
      modes.put(e.getKey(), bits.isEmpty() ? ReluMode.IDENTITY
          : bits.cardinality() == n ? ReluMode.FULL : new ReluMode.PartialChannels(bits));
    }
    return modes;
  }
}
