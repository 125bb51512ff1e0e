package io.deepreshape.graph;

/** A fully connected layer with bias, {@code features -> classes}. */
public record FcNode(int id, String address, int stage, int block, int input, int features, int classes)
    implements Node {
  @Override
  public Shape in() {
    return new Shape(features, 1, 1);
  }

  @Override
  public Shape out() {
    return new Shape(classes, 1, 1);
  }

  /** Multiply-accumulates, features x classes. */
  public long macs() {
    return (long) features * classes;
  }

  /** Weights and biases. */
  public long params() {
    return (long) features * classes + classes;
  }

  @Override
  public Node renumbered(int id, int input, int shortcut) {
    return new FcNode(id, address, stage, block, input, features, classes);
  }
}
