package io.deepreshape.train.run;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.model.ModelBuilder;
import io.deepreshape.train.trainer.ModelFactory;

/** Builds a spec's DJL model for the trainer: the same spec the accounting counts. */
public record SpecModelFactory(NetworkSpec spec) implements ModelFactory {
  @Override
  public Block build() {
    return ModelBuilder.build(spec).block();
  }

  @Override
  public Shape inputShape() {
    InputShape in = spec.input();
    return new Shape(1, in.channels(), in.height(), in.width());
  }
}
