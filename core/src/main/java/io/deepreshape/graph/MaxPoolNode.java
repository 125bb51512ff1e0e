package io.deepreshape.graph;

/** A {@code kernel x kernel} max-pool with {@code stride} and {@code padding} (padding never wins). */
public record MaxPoolNode(int id, String address, int stage, int block, int input, Shape in, int kernel,
    int stride, int padding) implements Node {
  @Override
  public Shape out() {
    return new Shape(in.channels(), outSide(in.height()), outSide(in.width()));
  }

  private int outSide(int side) {
    return (side + 2 * padding - kernel) / stride + 1;
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new MaxPoolNode(id, address, stage, block, input, in, kernel, stride, padding);
  }
}
