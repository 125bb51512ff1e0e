package io.deepreshape.train.optimize;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.train.model.ModelBuilder;
import io.deepreshape.train.trainer.ModelFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The model SNL's mask search trains (Cho et al., ICML 2022): the network with an {@link
 * SnlMaskBlock} at every ReLU layer whose mode is {@code full}; layers in other modes keep them (an
 * identity layer stays linear, a reused or partial layer keeps its fixed cost).
 */
public record SnlModelFactory(NetworkGraph graph) implements ModelFactory {
  public SnlModelFactory(NetworkSpec spec) {
    this(NetworkGraph.of(spec));
  }

  @Override
  public Block build() {
    return ModelBuilder.build(graph, layer -> layer.mode() instanceof ReluMode.Full ? new SnlMaskBlock(layer) : null)
        .block();
  }

  @Override
  public Shape inputShape() {
    InputShape in = graph.input();
    return new Shape(1, in.channels(), in.height(), in.width());
  }

  /** The mask blocks of a model this factory built, in execution order. */
  public static List<SnlMaskBlock> masks(Block model) {
    List<SnlMaskBlock> out = new ArrayList<>();
    collect(model, out);
    return out;
  }

  private static void collect(Block b, List<SnlMaskBlock> out) {
    if (b instanceof SnlMaskBlock m) {
      out.add(m);
      return;
    }
    for (Block child : b.getChildren().values()) {
      collect(child, out);
    }
  }
}
