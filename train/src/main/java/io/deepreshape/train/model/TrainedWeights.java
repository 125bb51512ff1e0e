package io.deepreshape.train.model;

import ai.djl.Device;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A trained DJL model's parameters read by node address: each layer's own block (from {@link
 * BuiltModel#layers()}) and, within it, its parameters by name (convolution weight; batch norm gamma,
 * beta, running mean, running variance; classifier weight and bias), sizes checked. The adapter that
 * lets the engine load a run without depending on DJL.
 */
public final class TrainedWeights implements WeightSource {
  /** DJL's default batch-norm epsilon. */
  public static final double EPSILON = 1e-5;

  private final Map<String, Map<String, float[]>> layers;
  private final Set<String> unread;

  /** The parameters of {@code model}'s layers, copied out of DJL. */
  public TrainedWeights(BuiltModel model) {
    layers = new LinkedHashMap<>();
    unread = new LinkedHashSet<>();
    model.layers().forEach((address, block) -> {
      Map<String, float[]> p = parameters(block);
      if (!p.isEmpty()) {
        layers.put(address, p);
        unread.add(address);
      }
    });
  }

  /**
   * The parameters {@code file} (the trainer's format) holds for {@code spec}'s model; a missing,
   * truncated or mismatched file is a user error naming it ({@link ModelHandle#load(ModelFactory,
   * Device, Path)}).
   */
  public static TrainedWeights load(NetworkSpec spec, Path file) {
    return load(NetworkGraph.of(spec), file);
  }

  /** As {@link #load(NetworkSpec, Path)} for any graph (an imported network's run too). */
  public static TrainedWeights load(NetworkGraph graph, Path file) {
    GraphModelFactory factory = new GraphModelFactory(graph);
    try (ModelHandle h = ModelHandle.load(factory, Device.cpu(), file)) {
      return new TrainedWeights(factory.built());
    }
  }

  private static Map<String, float[]> parameters(Block block) {
    Map<String, float[]> out = new HashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  @Override
  public float[] conv(ConvLayer layer) {
    return read(layer.name(), "weight", (int) layer.weights());
  }

  @Override
  public float[] convBias(ConvLayer layer) {
    return layer.bias() ? read(layer.name(), "bias", layer.outChannels()) : null;
  }

  @Override
  public BatchNorm norm(BatchNormLayer layer) {
    int c = layer.channels();
    return new BatchNorm(read(layer.name(), "gamma", c), read(layer.name(), "beta", c),
        read(layer.name(), "runningMean", c), read(layer.name(), "runningVar", c), EPSILON);
  }

  @Override
  public float[] fcWeight(FcNode head) {
    return read(head.address(), "weight", head.features() * head.classes());
  }

  @Override
  public float[] fcBias(FcNode head) {
    return read(head.address(), "bias", head.classes());
  }

  /** Addresses of layers with parameters that nothing read yet. */
  public Set<String> unread() {
    return Set.copyOf(unread);
  }

  private float[] read(String address, String name, int size) {
    Map<String, float[]> p = layers.get(address);
    if (p == null) {
      throw new IllegalArgumentException("the model has no parameters for layer " + address);
    }
    float[] v = p.get(name);
    if (v == null || v.length != size) {
      throw new IllegalArgumentException("layer " + address + " has no " + name + " of " + size + " values"
          + (v == null ? "" : " (it has " + v.length + ")"));
    }
    unread.remove(address);
    return v;
  }
}
