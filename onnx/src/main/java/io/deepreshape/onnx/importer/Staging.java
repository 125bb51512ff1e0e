package io.deepreshape.onnx.importer;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives an imported graph's nodes the stages, blocks and ReLU addresses a spec's graph has, from the
 * graph alone: the stem is everything up to the first ReLU (and a max-pool right after it), or up to
 * the first node two nodes read (the first block's input) when that comes earlier (a stem without a
 * ReLU, as a culled one is exported), the head
 * starts at the global pooling (or flatten), and in between each new spatial size starts a stage
 * S1, S2, ... (a downsampling block belongs to the stage it produces: a residual block, from the node its
 * shortcut starts at to its sum, takes the sum's stage). Within a stage a block ends
 * after each residual addition (and the ReLU that reads it); a network without additions has one
 * block per stage. ReLUs are {@code stem} and {@code s<i>.b<j>.r<p>}, p counting within the block.
 */
final class Staging {
  private Staging() {}

  /** The restaged nodes and the depth D. */
  record Staged(List<Node> nodes, int depth) {}

  static Staged assign(List<Node> raw, String file) {
    int n = raw.size();
    int head = n - 1;
    for (int i = 0; i < n; i++) {
      Node x = raw.get(i);
      if (x instanceof AvgPoolNode || x instanceof FlattenNode || x instanceof FcNode) {
        head = i;
        break;
      }
    }
    int stemEnd = -1;
    for (int i = 0; i < head && stemEnd < 0; i++) {
      if (raw.get(i) instanceof ReluNode) {
        stemEnd = i;
      }
    }
    if (stemEnd >= 0 && stemEnd + 1 < head && raw.get(stemEnd + 1) instanceof MaxPoolNode p && p.input() == stemEnd) {
      stemEnd++;
    }
    int branch = firstBranch(raw, head);
    if (branch >= 0 && (stemEnd < 0 || branch < stemEnd)) {
      stemEnd = branch;
    }
    int[] stage = new int[n];
    Map<String, Integer> sizes = new HashMap<>();
    int current = 0;
    for (int i = stemEnd + 1; i < head; i++) {
      Node x = raw.get(i);
      current = Math.max(current, sizes.computeIfAbsent(x.out().height() + "x" + x.out().width(),
          k -> sizes.size() + 1));
      stage[i] = current;
    }
    residualBlocks(raw, stemEnd, head, stage);
    int[] block = new int[n];
    int b = 0;
    for (int i = stemEnd + 1; i < head; i++) {
      Node x = raw.get(i);
      b = i == stemEnd + 1 || stage[i] != stage[i - 1] ? 1 : b;
      block[i] = b;
      boolean closesSum = x instanceof AddNode && !(i + 1 < head && raw.get(i + 1) instanceof ReluNode r
          && r.input() == i) || x instanceof ReluNode && raw.get(x.input()) instanceof AddNode;
      if (closesSum) {
        b++;
      }
    }
    int depth = current;
    for (int i = head; i < n; i++) {
      stage[i] = depth + 1;
      if (raw.get(i) instanceof ReluNode) {
        throw new ImportException(file + ": a ReLU after the global pooling (" + raw.get(i - 1).address()
            + ") is not supported; the head is pooling, flatten and one classifier");
      }
    }
    List<Node> out = new ArrayList<>(n);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.add(restage(raw.get(i), stage[i], block[i], positions));
    }
    return new Staged(out, depth);
  }

  /**
   * A residual block belongs to the stage of its sum: the nodes after its input (the node the shortcut
   * starts from) up to the addition, and the ReLU reading it, take the addition's stage. So the 1x1
   * convolution and ReLU a downsampling Bottleneck runs at the old size before its strided 3x3 join it.
   */
  private static void residualBlocks(List<Node> raw, int stemEnd, int head, int[] stage) {
    for (int i = stemEnd + 1; i < head; i++) {
      if (!(raw.get(i) instanceof AddNode a)) {
        continue;
      }
      int from = a.shortcut();
      if (from >= 0 && raw.get(from) instanceof BatchNormNode bn && bn.input() >= 0
          && raw.get(bn.input()) instanceof ConvNode) {
        from = bn.input();
      }
      if (from >= 0 && raw.get(from) instanceof ConvNode c) {
        from = c.input();
      }
      int end = i + 1 < head && raw.get(i + 1) instanceof ReluNode r && r.input() == i ? i + 1 : i;
      for (int j = Math.max(from + 1, stemEnd + 1); j <= end; j++) {
        stage[j] = stage[i];
      }
    }
  }

  /** The first node before {@code head} that two nodes read (a block's input), or -1. */
  private static int firstBranch(List<Node> raw, int head) {
    int[] readers = new int[raw.size()];
    for (Node x : raw) {
      if (x.input() >= 0) {
        readers[x.input()]++;
      }
      if (x instanceof AddNode a && a.shortcut() >= 0) {
        readers[a.shortcut()]++;
      }
    }
    for (int i = 0; i < head; i++) {
      if (readers[i] >= 2) {
        return i;
      }
    }
    return -1;
  }

  private static Node restage(Node x, int s, int b, Map<String, Integer> positions) {
    if (x instanceof ConvNode c) {
      ConvLayer l = c.layer();
      return new ConvNode(c.id(), b, c.input(), new ConvLayer(l.name(), s, l.inChannels(), l.outChannels(), l.kernel(),
          l.stride(), l.padding(), l.inHeight(), l.inWidth(), l.outHeight(), l.outWidth(), l.bias()));
    } else if (x instanceof BatchNormNode bn) {
      BatchNormLayer l = bn.layer();
      return new BatchNormNode(bn.id(), b, bn.input(), new BatchNormLayer(l.name(), s, l.channels(), l.height(), l.width()));
    } else if (x instanceof ReluNode r) {
      ReluLayer l = r.layer();
      ReluAddress a = s == 0 ? ReluAddress.STEM
          : ReluAddress.of(s, b, positions.merge(s + "." + b, 1, Integer::sum));
      return new ReluNode(r.id(), b, r.input(), new ReluLayer(a, l.mode(), s, l.channels(), l.height(), l.width()));
    } else if (x instanceof AddNode a) {
      return new AddNode(a.id(), a.address(), s, b, a.input(), a.shortcut(), a.shape(), a.projection());
    } else if (x instanceof MaxPoolNode p) {
      return new MaxPoolNode(p.id(), p.address(), s, b, p.input(), p.in(), p.kernel(), p.stride(), p.padding());
    } else if (x instanceof AvgPoolNode p) {
      return new AvgPoolNode(p.id(), p.address(), s, b, p.input(), p.in());
    } else if (x instanceof FlattenNode f) {
      return new FlattenNode(f.id(), f.address(), s, b, f.input(), f.in());
    } else if (x instanceof FcNode f) {
      return new FcNode(f.id(), f.address(), s, b, f.input(), f.features(), f.classes());
    }
    throw new IllegalArgumentException("no stage for node " + x.address());
  }
}
