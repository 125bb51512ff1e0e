package io.deepreshape.train.run;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.spec.InputShape;
import io.deepreshape.train.model.BuiltModel;
import io.deepreshape.train.model.ImportedParameters;
import io.deepreshape.train.model.ModelBuilder;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.trainer.ModelHandle;

/** Builds a network graph's DJL model for the trainer (an imported graph's included); keeps the last one built. */
public final class GraphModelFactory implements ModelFactory {
  private final NetworkGraph graph;
  private BuiltModel built;

  public GraphModelFactory(NetworkGraph graph) {
    this.graph = graph;
  }

  @Override
  public Block build() {
    built = ModelBuilder.build(graph, null);
    return built.block();
  }

  @Override
  public Shape inputShape() {
    InputShape in = graph.input();
    return new Shape(1, in.channels(), in.height(), in.width());
  }

  /** The model built last, its layers by address. */
  public BuiltModel built() {
    return built;
  }

  /** {@code graph}'s model on {@code device} with the parameters {@code weights} gives (an imported model's). */
  public static ModelHandle withWeights(NetworkGraph graph, WeightSource weights, Device device) {
    GraphModelFactory f = new GraphModelFactory(graph);
    ModelHandle h = ModelHandle.create(f, device, 0);
    try {
      ImportedParameters.copy(f.built(), weights);
      return h;
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }
}
