package io.deepreshape.train.optimize;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import java.util.List;

/**
 * SNL's live ReLU count during the mask search: channels whose mask exceeds the threshold, times
 * their layer's H*W, plus the ReLUs of the layers without masks.
 */
final class SnlCount {
  private final List<SnlMaskBlock> masks;
  private final double threshold;
  private final long fixed;

  SnlCount(List<SnlMaskBlock> masks, NetworkGraph graph, double threshold) {
    this.masks = masks;
    this.threshold = threshold;
    long all = Accounting.of(graph).relus();
    for (SnlMaskBlock m : masks) {
      all -= m.layer().relus();
    }
    this.fixed = all;
  }

  long fixedRelus() {
    return fixed;
  }

  long live() {
    long live = fixed;
    for (SnlMaskBlock m : masks) {
      float[] a = m.alpha().getArray().toFloatArray();
      long positions = (long) m.layer().height() * m.layer().width();
      for (float v : a) {
        if (v > threshold) {
          live += positions;
        }
      }
    }
    return live;
  }
}
