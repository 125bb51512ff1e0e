package io.deepreshape.accounting;

import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;

/**
 * One layer's costs. {@code stage} is 0 for the stem, 1..D for the stages and D+1 for the head.
 * {@code flops} are multiply-accumulates of conv and FC layers only; {@code otherOps} counts the
 * element operations of batch norm, additions and pooling, reported apart. {@code activations} are
 * output elements of conv and FC layers (0 for other rows, as pycls counts them), {@code inputs} input elements; {@code layer} is the layout record it was counted from (or a description).
 */
public record LayerCost(
    String name, LayerKind kind, int stage, long relus, long reuseMuxes, long flops, long params,
    long activations, long inputs, long otherOps, Object layer) {

  /** Human-readable shape, kernel or mode of the layer (formatted on demand: accounting stays allocation-light). */
  public String detail() {
    if (layer instanceof ConvLayer c) {
      return c.inChannels() + "x" + c.inHeight() + "x" + c.inWidth() + " -> " + c.outChannels() + "x" + c.outHeight()
          + "x" + c.outWidth() + ", " + c.kernel() + "x" + c.kernel() + "/" + c.stride();
    } else if (layer instanceof BatchNormLayer n) {
      return n.channels() + "x" + n.height() + "x" + n.width();
    } else if (layer instanceof ReluLayer r) {
      return r.channels() + "x" + r.height() + "x" + r.width() + ", " + r.mode().text();
    }
    return String.valueOf(layer);
  }
}
