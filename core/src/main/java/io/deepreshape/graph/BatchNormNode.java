package io.deepreshape.graph;

import io.deepreshape.layout.BatchNormLayer;

/** A batch norm (inference mode: a per-channel affine map); its address is the layer's name. */
public record BatchNormNode(int id, int block, int input, BatchNormLayer layer) implements Node {
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
    return new Shape(layer.channels(), layer.height(), layer.width());
  }

  @Override
  public Shape out() {
    return in();
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new BatchNormNode(id, block, input, layer);
  }
}
