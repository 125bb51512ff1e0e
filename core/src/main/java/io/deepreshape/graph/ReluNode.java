package io.deepreshape.graph;

import io.deepreshape.layout.ReluLayer;

/** A ReLU layer with the mode the spec gives it; its address is the {@link io.deepreshape.spec.ReluAddress}. */
public record ReluNode(int id, int block, int input, ReluLayer layer) implements Node {
  @Override
  public String address() {
    return layer.address().toString();
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
    return new ReluNode(id, block, input, layer);
  }
}
