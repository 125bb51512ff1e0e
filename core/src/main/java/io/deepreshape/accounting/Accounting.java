package io.deepreshape.accounting;

import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.BlockLayout;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.HeadLayout;
import io.deepreshape.layout.NetworkLayout;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.layout.StemLayout;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** Counts ReLUs, MACs, parameters and activations of a spec exactly (DEEPRESHAPE.md section 3). */
public final class Accounting {
  private Accounting() {}

  /** Per-stage and per-layer accounting of {@code spec}. */
  public static NetworkCost of(NetworkSpec spec) {
    return of(NetworkLayout.of(spec));
  }

  /** Per-stage and per-layer accounting of a resolved layout. */
  public static NetworkCost of(NetworkLayout layout) {
    List<LayerCost> rows = new ArrayList<>(64);
    addStem(layout.stem(), rows);
    for (List<BlockLayout> blocks : layout.stages()) {
      for (BlockLayout b : blocks) {
        addBlock(b, rows);
      }
    }
    addHead(layout.head(), layout.spec().depth() + 1, rows);
    int d = layout.spec().depth();
    StageCost[] stages = new StageCost[d + 2];
    for (int i = 0; i < stages.length; i++) {
      stages[i] = new StageCost(i == 0 ? "stem" : i == d + 1 ? "head" : "S" + i, i, 0, 0, 0, 0, 0, 0);
    }
    for (LayerCost l : rows) {
      stages[l.stage()] = stages[l.stage()].plus(l);
    }
    return new NetworkCost(layout.spec().name(), List.of(stages), rows);
  }

  /** ReLUs of each stage S1..SD (index 0 is S1), stem excluded: the quantity ReLU-equalization orders. */
  public static long[] stageRelus(NetworkSpec spec) {
    NetworkLayout layout = NetworkLayout.of(spec);
    long[] r = new long[spec.depth()];
    for (int s = 0; s < r.length; s++) {
      for (BlockLayout b : layout.stages().get(s)) {
        for (ReluLayer l : b.relus()) {
          r[s] += l.relus();
        }
      }
    }
    return r;
  }

  private static void addStem(StemLayout stem, List<LayerCost> rows) {
    rows.add(conv(stem.conv()));
    if (stem.norm() != null) {
      rows.add(bn(stem.norm()));
    }
    if (stem.relu() != null) {
      rows.add(relu(stem.relu()));
    }
    if (stem.maxPool()) {
      long out = (long) stem.conv().outChannels() * stem.outHeight() * stem.outWidth();
      rows.add(new LayerCost("stem.maxpool", LayerKind.MAX_POOL, 0, 0, 0, 0, 0, 0, stem.conv().outElements(), out * 9,
          "3x3/2 -> " + stem.outHeight() + "x" + stem.outWidth()));
    }
  }

  private static void addBlock(BlockLayout b, List<LayerCost> rows) {
    String p = "s" + b.stage() + ".b" + b.index() + ".";
    List<ConvLayer> convs = b.convs();
    List<BatchNormLayer> norms = b.norms();
    List<ReluLayer> relus = b.relus();
    switch (b.type()) {
      case BASIC -> {
        rows.add(conv(convs.get(0)));
        rows.add(bn(norms.get(0)));
        rows.add(relu(relus.get(0)));
        rows.add(conv(convs.get(1)));
        rows.add(bn(norms.get(1)));
        addShortcut(b, rows);
        rows.add(relu(relus.get(1)));
      }
      case BOTTLENECK -> {
        for (int i = 0; i < 3; i++) {
          rows.add(conv(convs.get(i)));
          rows.add(bn(norms.get(i)));
          if (i < 2) {
            rows.add(relu(relus.get(i)));
          }
        }
        addShortcut(b, rows);
        rows.add(relu(relus.get(2)));
      }
      case WIDE -> {
        rows.add(bn(norms.get(0)));
        rows.add(relu(relus.get(0)));
        rows.add(conv(convs.get(0)));
        rows.add(bn(norms.get(1)));
        rows.add(relu(relus.get(1)));
        rows.add(conv(convs.get(1)));
        addShortcut(b, rows);
      }
      default -> throw new IllegalStateException("unknown block type " + b.type());
    }
  }

  private static void addShortcut(BlockLayout b, List<LayerCost> rows) {
    if (b.projection() != null) {
      rows.add(conv(b.projection()));
      if (b.projectionNorm() != null) {
        rows.add(bn(b.projectionNorm()));
      }
    }
    long e = b.addElements();
    rows.add(new LayerCost("s" + b.stage() + ".b" + b.index() + ".add", LayerKind.ADD, b.stage(), 0, 0, 0, 0, 0, 2 * e, e,
        b.projection() != null ? "projection shortcut" : "identity shortcut"));
  }

  private static void addHead(HeadLayout head, int stage, List<LayerCost> rows) {
    if (head.norm() != null) {
      rows.add(bn(head.norm()));
      rows.add(relu(head.relu()));
    }
    long pooled = (long) head.features() * head.poolHeight() * head.poolWidth();
    rows.add(new LayerCost("head.avgpool", LayerKind.AVG_POOL, stage, 0, 0, 0, 0, 0, pooled, pooled,
        head.poolHeight() + "x" + head.poolWidth() + " -> 1x1"));
    rows.add(new LayerCost("head.fc", LayerKind.FC, stage, 0, 0, head.fcMacs(), head.fcParams(), head.classes(), head.features(), 0,
        head.features() + " -> " + head.classes()));
  }

  private static LayerCost conv(ConvLayer c) {
    return new LayerCost(c.name(), LayerKind.CONV, c.stage(), 0, 0, c.macs(), c.params(), c.outElements(), c.inElements(), 0, c);
  }

  private static LayerCost bn(BatchNormLayer n) {
    return new LayerCost(n.name(), LayerKind.BATCH_NORM, n.stage(), 0, 0, 0, n.params(), 0, n.elements(), n.elements(), n);
  }

  private static LayerCost relu(ReluLayer r) {
    return new LayerCost(r.address().toString(), LayerKind.RELU, r.stage(), r.relus(), r.muxes(), 0, 0,
        0, r.elements(), 0, r);
  }
}
