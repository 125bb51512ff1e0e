package io.deepreshape.pi.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.HeadLayout;
import io.deepreshape.pi.quant.WeightSource;
import java.util.ArrayDeque;
import java.util.Deque;
import ai.djl.nn.ParameterList;

/**
 * The parameters of a trained DJL model in block order ({@code ModelBuilder}'s layout order:
 * convolution weight; batch norm gamma, beta, running mean, running variance; classifier weight
 * and bias), handed out one layer at a time with their names and sizes checked.
 */
final class DjlWeights implements WeightSource {
  /** DJL's default batch-norm epsilon. */
  static final double EPSILON = 1e-5;

  private final Deque<Pair<String, float[]>> params = new ArrayDeque<>();

  DjlWeights(ParameterList parameters) {
    for (Pair<String, Parameter> p : parameters) {
      NDArray a = p.getValue().getArray();
      params.add(new Pair<>(p.getKey(), a.toFloatArray()));
    }
  }

  @Override
  public float[] conv(ConvLayer layer) {
    return next(layer.name(), "weight", (int) layer.params());
  }

  @Override
  public BatchNorm norm(BatchNormLayer layer) {
    int c = layer.channels();
    float[] gamma = next(layer.name(), "gamma", c);
    float[] beta = next(layer.name(), "beta", c);
    float[] mean = next(layer.name(), "runningMean", c);
    float[] var = next(layer.name(), "runningVar", c);
    return new BatchNorm(gamma, beta, mean, var, EPSILON);
  }

  @Override
  public float[] fcWeight(HeadLayout head) {
    return next("head.fc", "weight", head.features() * head.classes());
  }

  @Override
  public float[] fcBias(HeadLayout head) {
    return next("head.fc", "bias", head.classes());
  }

  /** Whether every parameter was used. */
  boolean exhausted() {
    return params.isEmpty();
  }

  private float[] next(String layer, String kind, int size) {
    Pair<String, float[]> p = params.poll();
    if (p == null) {
      throw new IllegalArgumentException("the model has no parameter left for " + layer + " ("
          + kind + ")");
    }
    if (!p.getKey().endsWith(kind) || p.getValue().length != size) {
      throw new IllegalArgumentException("parameter " + p.getKey() + " (" + p.getValue().length
          + " values) does not match " + layer + " " + kind + " (" + size + " values)");
    }
    return p.getValue();
  }
}
