package io.deepreshape.graph;

/**
 * A node of a {@link NetworkGraph}. {@code id} is its position in execution order, {@code input}
 * the id of the node it reads ({@link #IMAGE} for the input image), {@code stage} 0 for the stem,
 * 1..D for the stages and D+1 for the head, {@code block} the block within the stage (0 in the stem
 * and head): stage and block together name the unit (stem, block, head) the node belongs to.
 */
public sealed interface Node
    permits ConvNode, BatchNormNode, ReluNode, AddNode, MaxPoolNode, AvgPoolNode, FlattenNode, FcNode,
        TruncationNode {
  /** The input id of a node that reads the image. */
  int IMAGE = -1;

  int id();

  String address();

  int stage();

  int block();

  int input();

  Shape in();

  Shape out();

  /** The same node at position {@code id} reading {@code input} (and, for an addition, {@code shortcut}). */
  Node renumbered(int id, int input, int shortcut);

  /** Whether {@code other} belongs to the same unit (stem, block or head). */
  default boolean sameUnit(Node other) {
    return stage() == other.stage() && block() == other.block();
  }
}
