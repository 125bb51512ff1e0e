package io.deepreshape.pi.protocol;

import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.quant.ActLayer;
import io.deepreshape.pi.quant.PoolLayer;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which circuit evaluates each element of a nonlinear layer (PI-ENGINE.md section 2, ReLU modes):
 * the ReLU circuit for kept elements (full, and the kept channels of partial modes), the identity
 * circuit (truncate and re-mask) for the rest, for {@code reuse:r} one reuse circuit per group of
 * {@code r} channels at each position (a smaller one for a last, partial group), and for a
 * max-pool one comparison circuit per window. Both parties
 * derive the same plan from the public shape.
 */
final class GcPlan {
  /**
   * Batches per offline window: the client sends the OT columns of this many batches before it
   * reads their tables, so that the server can garble them at once on several threads. Part of
   * the protocol: both parties must use the same.
   */
  static final int WINDOW = 4;

  private static final Map<String, Circuit> CIRCUITS = new ConcurrentHashMap<>();

  /** The batches of a layer's groups, in protocol order: {group index, first instance, size}. */
  static List<int[]> batches(List<GcGroup> groups) {
    List<int[]> out = new ArrayList<>();
    for (int gi = 0; gi < groups.size(); gi++) {
      GcGroup g = groups.get(gi);
      int bs = g.batchSize();
      for (int k0 = 0; k0 < g.instances(); k0 += bs) {
        out.add(new int[] {gi, k0, Math.min(bs, g.instances() - k0)});
      }
    }
    return out;
  }

  private GcPlan() {}

  /** The groups of a step's garbled layer: its activation or its max-pool. */
  static List<GcGroup> of(Step step, QuantConfig q) {
    return step.pool() != null ? pool(step.pool(), q) : of(step.act(), q);
  }

  /** One max-pool circuit per output, grouped by window size (smaller at the borders). */
  static List<GcGroup> pool(PoolLayer p, QuantConfig q) {
    Map<Integer, List<int[]>> bySize = new TreeMap<>();
    int n = 0;
    for (int c = 0; c < p.channels(); c++) {
      for (int i = 0; i < p.outHeight(); i++) {
        for (int j = 0; j < p.outWidth(); j++) {
          int[] w = p.window(c, i, j);
          int[] entry = new int[w.length + 1];
          System.arraycopy(w, 0, entry, 0, w.length);
          entry[w.length] = n++;
          bySize.computeIfAbsent(w.length, k -> new ArrayList<>()).add(entry);
        }
      }
    }
    List<GcGroup> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<int[]>> e : bySize.entrySet()) {
      int k = e.getKey();
      List<int[]> list = e.getValue();
      int[] in = new int[list.size() * k];
      int[] out = new int[list.size()];
      for (int t = 0; t < list.size(); t++) {
        System.arraycopy(list.get(t), 0, in, t * k, k);
        out[t] = list.get(t)[k];
      }
      Circuit c = CIRCUITS.computeIfAbsent("maxpool:" + q.l() + ":" + q.s() + ":" + k,
          key -> ReluCircuits.maxPool(q.l(), q.s(), k, false));
      groups.add(new GcGroup(c, k, in, 1, out, 0));
    }
    return groups;
  }

  /** The groups of {@code act}, in a fixed order. */
  static List<GcGroup> of(ActLayer act, QuantConfig q) {
    int hw = act.height() * act.width();
    List<GcGroup> groups = new ArrayList<>();
    int r = act.reuseGroup();
    if (r > 0) {
      Map<Integer, List<Integer>> bySize = new TreeMap<>();
      for (int c0 = 0; c0 < act.channels(); c0 += r) {
        int size = Math.min(r, act.channels() - c0);
        List<Integer> list = bySize.computeIfAbsent(size, k -> new ArrayList<>());
        for (int p = 0; p < hw; p++) {
          for (int j = 0; j < size; j++) {
            list.add((c0 + j) * hw + p);
          }
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : bySize.entrySet()) {
        int size = e.getKey();
        Circuit c = size == 1 ? circuit("relu", q, 1) : circuit("reuse", q, size);
        groups.add(new GcGroup(c, size, toArray(e.getValue()), 1));
      }
      return groups;
    }
    List<Integer> kept = new ArrayList<>();
    List<Integer> ident = new ArrayList<>();
    for (int c = 0; c < act.channels(); c++) {
      List<Integer> target = act.keeps(c) ? kept : ident;
      for (int p = 0; p < hw; p++) {
        target.add(c * hw + p);
      }
    }
    if (!kept.isEmpty()) {
      groups.add(new GcGroup(circuit("relu", q, 1), 1, toArray(kept), 1));
    }
    if (!ident.isEmpty()) {
      groups.add(new GcGroup(circuit("identity", q, 1), 1, toArray(ident), 0));
    }
    return groups;
  }

  private static Circuit circuit(String kind, QuantConfig q, int r) {
    String key = kind + ":" + q.l() + ":" + q.s() + ":" + r;
    return CIRCUITS.computeIfAbsent(key, k -> switch (kind) {
      case "relu" -> ReluCircuits.relu(q.l(), q.s());
      case "identity" -> ReluCircuits.identity(q.l(), q.s());
      default -> ReluCircuits.reuse(q.l(), q.s(), r);
    });
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
