package io.deepreshape.pi.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.graph.FcNode;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.pi.quant.WeightSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a trained DJL model read by node address: each layer's own block (from {@code
 * ModelBuilder}'s address map) and, within it, its parameters by name (convolution weight; batch norm
 * gamma, beta, running mean, running variance; classifier weight and bias), sizes checked.
 */
final class DjlWeights implements WeightSource {
  /** DJL's default batch-norm epsilon. */
  static final double EPSILON = 1e-5;

  private final Map<String, Block> layers;
  private final Set<String> unread;

  DjlWeights(Map<String, Block> layers) {
    this.layers = layers;
    this.unread = new LinkedHashSet<>();
    layers.forEach((address, block) -> {
      if (!block.getParameters().isEmpty()) {
        unread.add(address);
      }
    });
  }

  @Override
  public float[] conv(ConvLayer layer) {
    return read(layer.name(), (int) layer.params()).get("weight");
  }

  @Override
  public BatchNorm norm(BatchNormLayer layer) {
    Map<String, float[]> p = read(layer.name(), layer.channels());
    return new BatchNorm(p.get("gamma"), p.get("beta"), p.get("runningMean"), p.get("runningVar"), EPSILON);
  }

  @Override
  public float[] fcWeight(FcNode head) {
    return read(head.address(), -1).get("weight");
  }

  @Override
  public float[] fcBias(FcNode head) {
    return read(head.address(), -1).get("bias");
  }

  /** Addresses of layers with parameters that nothing read. */
  Set<String> unread() {
    return unread;
  }

  /** The parameters of the layer at {@code address}, each of {@code size} values unless -1. */
  private Map<String, float[]> read(String address, int size) {
    Block b = layers.get(address);
    if (b == null) {
      throw new IllegalArgumentException("the model has no layer " + address);
    }
    unread.remove(address);
    Map<String, float[]> out = new HashMap<>();
    for (Pair<String, Parameter> p : b.getParameters()) {
      float[] v = p.getValue().getArray().toFloatArray();
      if (size >= 0 && v.length != size) {
        throw new IllegalArgumentException("parameter " + p.getKey() + " of layer " + address + " has " + v.length
            + " values, expected " + size);
      }
      out.put(p.getKey(), v);
    }
    return out;
  }
}
