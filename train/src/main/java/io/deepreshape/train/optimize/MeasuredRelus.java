package io.deepreshape.train.optimize;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.model.BuiltModel;
import io.deepreshape.train.model.ModelBuilder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ReLUs a trained model actually evaluates: builds the spec's model, loads its parameters, runs one
 * image forward and reads the ReLU layers' counters ({@link BuiltModel#evaluatedRelus}). Equal to the
 * accounting's count when the model computes what the spec says.
 */
public final class MeasuredRelus {
  private MeasuredRelus() {}

  /** ReLU comparisons per image of {@code spec}'s model with the parameters in {@code params}. */
  public static long perImage(NetworkSpec spec, Path params) throws IOException {
    InputShape in = spec.input();
    BuiltModel model = ModelBuilder.build(spec);
    try (NDManager manager = NDManager.newBaseManager()) {
      model.block().initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
      try (InputStream s = Files.newInputStream(params)) {
        model.block().loadParameters(manager, new DataInputStream(s));
      } catch (MalformedModelException e) {
        throw new IOException(params + " does not hold parameters of " + spec.name() + ": " + e.getMessage(), e);
      }
      model.resetReluCounts();
      NDArray x = manager.randomNormal(new Shape(1, in.channels(), in.height(), in.width()));
      model.block().forward(new ParameterStore(manager, false), new NDList(x), false).close();
      return model.evaluatedRelus();
    }
  }
}
