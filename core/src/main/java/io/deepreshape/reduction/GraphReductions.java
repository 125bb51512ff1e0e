package io.deepreshape.reduction;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DeepReDuce's culling and thinning and ReLU-reuse on the stages of any network graph, a spec's or an
 * imported model's (whose stages and blocks come from the graph itself). On a spec's graph they give
 * the graph of {@link Reductions}' result.
 *
 * <p><b>Thinning</b> reads each block's ReLUs in execution order and keeps every other one, counted
 * from an anchor that always stays: the ReLU that reads the block's residual addition (BasicBlock
 * {@code r2}, Bottleneck {@code r3}), else the block's first ReLU (a pre-activation block's {@code r1},
 * which reads the previous sum; a plain chain's first). So a BasicBlock drops {@code r1}, a Bottleneck
 * {@code r2} and a wide block {@code r2}, as {@link Reductions#thin} does.
 */
public final class GraphReductions {
  private GraphReductions() {}

  /** The ReLU layers of stage {@code s} (1..D), in execution order. */
  public static List<ReluLayer> stageLayers(NetworkGraph g, int s) {
    checkStage(g, s);
    List<ReluLayer> out = new ArrayList<>();
    for (ReluLayer l : g.reluLayers()) {
      if (l.stage() == s) {
        out.add(l);
      }
    }
    return out;
  }

  /** The ReLU layers of stage {@code s} whose mode is not identity. */
  public static List<ReluLayer> liveLayers(NetworkGraph g, int s) {
    return stageLayers(g, s).stream().filter(l -> !(l.mode() instanceof ReluMode.Identity)).toList();
  }

  /** The stem's ReLU layer, or null when the stem has none. */
  public static ReluLayer stemLayer(NetworkGraph g) {
    for (ReluLayer l : g.reluLayers()) {
      if (l.address().isStem()) {
        return l;
      }
    }
    return null;
  }

  /** Culling: every ReLU layer of stage {@code s} becomes identity. */
  public static NetworkGraph cull(NetworkGraph g, int s) {
    return withMode(g, addresses(stageLayers(g, s)), ReluMode.IDENTITY);
  }

  /** Culls the stem ReLU. */
  public static NetworkGraph cullStem(NetworkGraph g) {
    if (stemLayer(g) == null) {
      throw new SpecException(g.name() + " has no stem ReLU");
    }
    return withMode(g, List.of(ReluAddress.STEM), ReluMode.IDENTITY);
  }

  /** Thinning: the ReLUs of stage {@code s} that {@link #thinnedLayers} names become identity. */
  public static NetworkGraph thin(NetworkGraph g, int s) {
    return withMode(g, thinnedLayers(g, s), ReluMode.IDENTITY);
  }

  /** The ReLUs thinning drops in stage {@code s}: in each block, those an odd number of ReLUs from its anchor. */
  public static List<ReluAddress> thinnedLayers(NetworkGraph g, int s) {
    checkStage(g, s);
    Map<Integer, List<ReluNode>> blocks = new TreeMap<>();
    for (Node n : g.nodes()) {
      if (n instanceof ReluNode r && r.stage() == s) {
        blocks.computeIfAbsent(r.block(), b -> new ArrayList<>()).add(r);
      }
    }
    List<ReluAddress> drop = new ArrayList<>();
    for (List<ReluNode> relus : blocks.values()) {
      int anchor = 0;
      for (int i = 0; i < relus.size(); i++) {
        ReluNode r = relus.get(i);
        if (r.input() >= 0 && g.node(r.input()) instanceof AddNode a && a.sameUnit(r)) {
          anchor = i;
        }
      }
      for (int i = 0; i < relus.size(); i++) {
        if (Math.abs(i - anchor) % 2 == 1) {
          drop.add(relus.get(i).layer().address());
        }
      }
    }
    return drop;
  }

  /** ReLU-reuse with group size {@code r} (capped at each layer's channels; none below 2) on {@code layers}. */
  public static NetworkGraph reuse(NetworkGraph g, Collection<ReluLayer> layers, int r) {
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    for (ReluLayer l : layers) {
      int group = Math.min(r, l.channels());
      if (group >= 2) {
        modes.put(l.address(), new ReluMode.Reuse(group));
      }
    }
    return g.withReluModes(modes);
  }

  /** The widest ReLU layer of the stem and the stages (the head's left out), at least 1. */
  public static int widestLayer(NetworkGraph g) {
    int widest = 1;
    for (ReluLayer l : g.reluLayers()) {
      if (l.stage() <= g.depth()) {
        widest = Math.max(widest, l.channels());
      }
    }
    return widest;
  }

  private static List<ReluAddress> addresses(List<ReluLayer> layers) {
    return layers.stream().map(ReluLayer::address).toList();
  }

  private static NetworkGraph withMode(NetworkGraph g, Collection<ReluAddress> layers, ReluMode mode) {
    Map<ReluAddress, ReluMode> modes = new TreeMap<>();
    for (ReluAddress a : layers) {
      modes.put(a, mode);
    }
    return g.withReluModes(modes);
  }

  private static void checkStage(NetworkGraph g, int s) {
    if (s < 1 || s > g.depth()) {
      throw new SpecException("stage must be between 1 and " + g.depth() + " for " + g.name() + ", was " + s);
    }
  }
}
