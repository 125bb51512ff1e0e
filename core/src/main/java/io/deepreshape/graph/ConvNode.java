package io.deepreshape.graph;

import io.deepreshape.layout.ConvLayer;

/** A bias-free convolution; its address is the layer's name. */
public record ConvNode(int id, int block, int input, ConvLayer layer) implements Node {
  @Override
  public String address() {
    return layer.name();
  }

  @Override
  public int stage() {
    return layer.stage();
  }

  @Override
  public Shape in() {
    return new Shape(layer.inChannels(), layer.inHeight(), layer.inWidth());
  }

  @Override
  public Shape out() {
    return new Shape(layer.outChannels(), layer.outHeight(), layer.outWidth());
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new ConvNode(id, block, input, layer);
  }
}
