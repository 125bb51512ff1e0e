package io.deepreshape.graph;

/**
 * The engine's truncation of a fixed-point value at scale {@code 2^{2s}} back to {@code 2^s} where no
 * ReLU follows (a garbled identity circuit per element, PI-ENGINE.md section 2); inserted by {@link
 * Truncations}. Its address is its source's address with {@code .trunc} appended.
 */
public record TruncationNode(int id, String address, int stage, int block, int input, Shape shape)
    implements Node {
  @Override
  public Shape in() {
    return shape;
  }

  @Override
  public Shape out() {
    return shape;
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new TruncationNode(id, address, stage, block, input, shape);
  }
}
