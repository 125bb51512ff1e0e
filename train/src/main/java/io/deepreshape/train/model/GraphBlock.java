package io.deepreshape.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import java.util.function.Function;

/**
 * Any network graph as one DJL block that runs its nodes in execution order, each reading the outputs
 * of the nodes it names: the model of an imported graph, whose topology need not nest into units. A
 * node's layer is a child block named {@code n<id>}; additions and flattens are computed here.
 */
final class GraphBlock extends AbstractBlock {
  private final NetworkGraph graph;
  private final Block[] layers;

  GraphBlock(NetworkGraph graph, Function<Node, Block> layer) {
    super((byte) 1);
    this.graph = graph;
    this.layers = new Block[graph.size()];
    for (Node n : graph.nodes()) {
      Block b = n instanceof AddNode || n instanceof FlattenNode ? null : layer.apply(n);
      if (b != null) {
        layers[n.id()] = addChildBlock("n" + n.id(), b);
      }
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray[] out = new NDArray[graph.size()];
    for (Node n : graph.nodes()) {
      NDArray x = n.input() == Node.IMAGE ? inputs.head() : out[n.input()];
      if (n instanceof AddNode a) {
        out[n.id()] = x.add(out[a.shortcut()]);
      } else if (n instanceof FlattenNode) {
        out[n.id()] = x.reshape(x.getShape().get(0), -1);
      } else {
        out[n.id()] = layers[n.id()].forward(store, new NDList(x), training, params).head();
      }
    }
    return new NDList(out[graph.size() - 1]);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    shapes(inputShapes[0], manager, dataType);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] s = shapes(inputShapes[0], null, null);
    return new Shape[] {s[s.length - 1]};
  }

  /** Every node's output shape from the image's; initialises the layers on the way when {@code manager} is set. */
  private Shape[] shapes(Shape image, NDManager manager, DataType dataType) {
    Shape[] s = new Shape[graph.size()];
    for (Node n : graph.nodes()) {
      Shape in = n.input() == Node.IMAGE ? image : s[n.input()];
      if (n instanceof AddNode) {
        s[n.id()] = in;
      } else if (n instanceof FlattenNode) {
        s[n.id()] = new Shape(in.get(0), in.size() / in.get(0));
      } else {
        if (manager != null) {
          layers[n.id()].initialize(manager, dataType, in);
        }
        s[n.id()] = layers[n.id()].getOutputShapes(new Shape[] {in})[0];
      }
    }
    return s;
  }
}
