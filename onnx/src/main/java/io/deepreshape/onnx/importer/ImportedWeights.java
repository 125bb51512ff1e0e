package io.deepreshape.onnx.importer;

import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import java.util.HashMap;
import java.util.Map;

/** An imported model's parameters by node address, as the file holds them (sizes checked on import). */
public final class ImportedWeights implements WeightSource {
  private final Map<String, float[]> kernels = new HashMap<>();
  private final Map<String, float[]> biases = new HashMap<>();
  private final Map<String, BatchNorm> norms = new HashMap<>();

  void putConv(String address, float[] kernel, float[] bias) {
    kernels.put(address, kernel);
    if (bias != null) {
      biases.put(address, bias);
    }
  }

  void putNorm(String address, BatchNorm bn) {
    norms.put(address, bn);
  }

  void putFc(String address, float[] weight, float[] bias) {
    kernels.put(address, weight);
    biases.put(address, bias);
  }

  @Override
  public float[] conv(ConvLayer layer) {
    return get(kernels, layer.name());
  }

  @Override
  public float[] convBias(ConvLayer layer) {
    return layer.bias() ? get(biases, layer.name()) : null;
  }

  @Override
  public BatchNorm norm(BatchNormLayer layer) {
    return get(norms, layer.name());
  }

  @Override
  public float[] fcWeight(FcNode head) {
    return get(kernels, head.address());
  }

  @Override
  public float[] fcBias(FcNode head) {
    return get(biases, head.address());
  }

  private static <T> T get(Map<String, T> m, String address) {
    T v = m.get(address);
    if (v == null) {
      throw new IllegalArgumentException("the imported model has no parameters for " + address);
    }
    return v;
  }
}
