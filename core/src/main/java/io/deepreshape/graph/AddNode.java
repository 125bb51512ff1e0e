package io.deepreshape.graph;

/**
 * A residual addition of the main path {@code input} and the {@code shortcut}, both of {@code shape};
 * {@code projection} when the shortcut is a projection (a 1x1 convolution of this block).
 */
public record AddNode(int id, String address, int stage, int block, int input, int shortcut, Shape shape,
    boolean projection) implements Node {
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
    return new AddNode(id, address, stage, block, input, shortcut, shape, projection);
  }
}
