package io.deepreshape.pi.quant;

import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import java.util.SplittableRandom;

/**
 * Random parameters for a spec when no trained run is given: He-normal kernels (He et al. 2015),
 * batch norms with random statistics near the identity, a small random classifier. Deterministic
 * in the seed, so two processes can build the same network.
 */
public final class RandomWeights implements WeightSource {
  private final SplittableRandom rnd;

  /** Random weights from {@code seed}. */
  public RandomWeights(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  @Override
  public float[] conv(ConvLayer layer) {
    int fanIn = layer.groupInChannels() * layer.kernel() * layer.kernel();
    return gaussian((int) layer.weights(), Math.sqrt(2.0 / fanIn));
  }

  @Override
  public float[] convBias(ConvLayer layer) {
    return layer.bias() ? gaussian(layer.outChannels(), 0.1) : null;
  }

  @Override
  public BatchNorm norm(BatchNormLayer layer) {
    int c = layer.channels();
    float[] gamma = uniform(c, 0.6, 1.2);
    float[] beta = gaussian(c, 0.1);
    float[] mean = gaussian(c, 0.1);
    float[] var = uniform(c, 0.7, 1.5);
    return new BatchNorm(gamma, beta, mean, var, 1e-5);
  }

  @Override
  public float[] fcWeight(FcNode head) {
    return gaussian(head.features() * head.classes(), 1.0 / Math.sqrt(head.features()));
  }

  @Override
  public float[] fcBias(FcNode head) {
    return gaussian(head.classes(), 0.1);
  }

  private float[] gaussian(int n, double std) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (std * gaussian());
    }
    return v;
  }

  private float[] uniform(int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
    }
    return v;
  }

  private double gaussian() {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
