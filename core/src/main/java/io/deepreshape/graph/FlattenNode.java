package io.deepreshape.graph;

/** Flattens {@code in} into a vector of its elements (no arithmetic). */
public record FlattenNode(int id, String address, int stage, int block, int input, Shape in) implements Node {
  @Override
  public Shape out() {
    return new Shape(Math.toIntExact(in.elements()), 1, 1);
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new FlattenNode(id, address, stage, block, input, in);
  }
}
