package io.deepreshape.reduction;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a coarse reduction (whole stages and layers) up to its ReLU budget at the granularity of its
 * layers, giving back what the reduction took where it matters most. The layers it changed are
 * candidates, most critical stage first (the stem after the stages, then execution order): a layer
 * DeepReDuce made identity can get back its first k channels ({@code partial:channels=0-(k-1)}, H*W
 * ReLUs each, up to its original mode), a {@code reuse:r} layer any smaller group size r' (down to 1,
 * {@code full}). The choice has the largest count at or under the budget that these options reach,
 * exactly the budget when they can, and among those gives the most critical layers the most.
 */
public final class BudgetFill {
  /** The filled graph, its ReLUs, whether they equal the budget, and the modes the fill set, in preference order. */
  public record Result(NetworkGraph graph, long relus, boolean exact, Map<ReluAddress, ReluMode> changes) {
    public Result {
      changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
  }

  /** A layer's options: extra ReLUs (ascending, the first 0, the reduced mode) and the mode that gives each. */
  private record Item(ReluLayer layer, long[] extras, ReluMode[] modes) {}

  private BudgetFill() {}

  /**
   * DeepReDuce's fill: layers identity in {@code reduced} and live in {@code original} get back channels.
   *
   * @param mostCriticalFirst the stages, most critical first
   */
  public static Result restoreChannels(NetworkGraph original, NetworkGraph reduced, List<Integer> mostCriticalFirst,
      long budget) {
    Map<ReluAddress, ReluLayer> before = layers(original);
    List<Item> items = new ArrayList<>();
    for (ReluLayer l : reduced.reluLayers()) {
      ReluLayer o = before.get(l.address());
      if (l.mode() instanceof ReluMode.Identity && o != null && o.relus() > 0) {
        items.add(o.mode() instanceof ReluMode.Full ? channels(o) : new Item(o, new long[] {0, o.relus()},
            new ReluMode[] {ReluMode.IDENTITY, o.mode()}));
      }
    }
    return fill(reduced, items, mostCriticalFirst, budget);
  }

  /** Reuse's fill: {@code reuse:r} layers of {@code reduced} may take smaller groups, up to their original count. */
  public static Result smallerGroups(NetworkGraph original, NetworkGraph reduced, List<Integer> mostCriticalFirst,
      long budget) {
    Map<ReluAddress, ReluLayer> before = layers(original);
    List<Item> items = new ArrayList<>();
    for (ReluLayer l : reduced.reluLayers()) {
      ReluLayer o = before.get(l.address());
      if (l.mode() instanceof ReluMode.Reuse r && o != null) {
        items.add(groups(l, r.groupSize(), o.relus()));
      }
    }
    return fill(reduced, items, mostCriticalFirst, budget);
  }

  private static Item channels(ReluLayer o) {
    int c = o.channels();
    long hw = (long) o.height() * o.width();
    long[] extras = new long[c + 1];
    ReluMode[] modes = new ReluMode[c + 1];
    for (int k = 0; k <= c; k++) {
      extras[k] = k * hw;
      BitSet first = new BitSet();
      first.set(0, k);
      modes[k] = k == 0 ? ReluMode.IDENTITY : k == c ? ReluMode.FULL : new ReluMode.PartialChannels(first);
    }
    return new Item(o, extras, modes);
  }

  /** Group sizes r, r-1, ..., 1 of distinct counts (the smallest size for each count), at most {@code cap} ReLUs. */
  private static Item groups(ReluLayer l, int r, long cap) {
    long hw = (long) l.height() * l.width();
    int c = l.channels();
    long base = ceilDiv(c, r) * hw;
    List<Long> extras = new ArrayList<>();
    List<ReluMode> modes = new ArrayList<>();
    for (int g = r; g >= 1; g--) {
      long count = ceilDiv(c, g) * hw;
      if (count > cap) {
        break;
      }
      ReluMode m = g == 1 ? ReluMode.FULL : new ReluMode.Reuse(g);
      if (!extras.isEmpty() && extras.get(extras.size() - 1) == count - base) {
        modes.set(modes.size() - 1, m);
      } else {
        extras.add(count - base);
        modes.add(m);
      }
    }
    return new Item(l, extras.stream().mapToLong(Long::longValue).toArray(), modes.toArray(new ReluMode[0]));
  }

  private static Result fill(NetworkGraph reduced, List<Item> items, List<Integer> mostCriticalFirst, long budget) {
    long relus = Accounting.of(reduced).relus();
    if (relus > budget) {
      throw new IllegalArgumentException(reduced.name() + " has " + relus + " ReLUs, over the budget " + budget);
    }
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(i -> rank(i.layer(), mostCriticalFirst)));
    long[][] extras = sorted.stream().map(Item::extras).toArray(long[][]::new);
    int[] choice = CountFill.choose(extras, budget - relus);
    Map<ReluAddress, ReluMode> changes = new LinkedHashMap<>();
    for (int i = 0; choice != null && i < sorted.size(); i++) {
      if (choice[i] > 0) {
        changes.put(sorted.get(i).layer().address(), sorted.get(i).modes()[choice[i]]);
      }
    }
    NetworkGraph filled = changes.isEmpty() ? reduced : reduced.withReluModes(changes);
    long total = Accounting.of(filled).relus();
    return new Result(filled, total, total == budget, changes);
  }

  /** Position in the preference: a stage's rank in the criticality order, the stem after every stage. */
  private static int rank(ReluLayer l, List<Integer> mostCriticalFirst) {
    int r = mostCriticalFirst.indexOf(l.stage());
    return r >= 0 ? r : mostCriticalFirst.size();
  }

  private static Map<ReluAddress, ReluLayer> layers(NetworkGraph g) {
    Map<ReluAddress, ReluLayer> m = new HashMap<>();
    for (ReluLayer l : g.reluLayers()) {
      m.put(l.address(), l);
    }
    return m;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
