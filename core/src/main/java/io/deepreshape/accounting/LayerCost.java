package io.deepreshape.accounting;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;

/**
 * One layer's costs. {@code stage} is 0 for the stem, 1..D for the stages and D+1 for the head.
 * {@code macs} are multiply-accumulates of conv and FC layers only; {@code otherOps} counts the
 * element operations of batch norm, additions and pooling, reported apart. {@code activations} are
 * output elements of conv and FC layers (0 for other rows, as pycls counts them), {@code inputs}
 * input elements; {@code layer} is the {@link io.deepreshape.graph.Node} it was counted from (or a
 * description).
 */
public record LayerCost(
    String name, LayerKind kind, int stage, long relus, long reuseMuxes, long macs, long params,
    long activations, long inputs, long otherOps, Object layer) {

  /** Human-readable shape, kernel or mode of the layer (formatted on demand: accounting stays allocation-light). */
  public String detail() {
    if (layer instanceof ConvNode n) {
      ConvLayer c = n.layer();
      return c.inChannels() + "x" + c.inHeight() + "x" + c.inWidth() + " -> " + c.outChannels() + "x" + c.outHeight()
          + "x" + c.outWidth() + ", " + c.kernel() + "x" + c.kernel() + "/" + c.stride();
    } else if (layer instanceof BatchNormNode n) {
      return n.in().toString();
    } else if (layer instanceof ReluNode n) {
      ReluLayer r = n.layer();
      return r.channels() + "x" + r.height() + "x" + r.width() + ", " + r.mode().text();
    } else if (layer instanceof AddNode a) {
      return a.projection() ? "projection shortcut" : "identity shortcut";
    } else if (layer instanceof MaxPoolNode p) {
      return p.kernel() + "x" + p.kernel() + "/" + p.stride() + " -> " + p.out().height() + "x" + p.out().width();
    } else if (layer instanceof AvgPoolNode p) {
      return p.in().height() + "x" + p.in().width() + " -> 1x1";
    } else if (layer instanceof FcNode f) {
      return f.features() + " -> " + f.classes();
    }
    return String.valueOf(layer);
  }
}
