package io.deepreshape.graph;

/** Global average pooling of {@code in} down to one value per channel. */
public record AvgPoolNode(int id, String address, int stage, int block, int input, Shape in) implements Node {
  @Override
  public Shape out() {
    return new Shape(in.channels(), 1, 1);
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new AvgPoolNode(id, address, stage, block, input, in);
  }
}
