package io.deepreshape.graph;

import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;

/**
 * Where a network's float parameters come from, asked for by node (its address is the layer's
 * name) in the graph's execution order: a trained run or random weights. A source may return null
 * everywhere to build the shape alone (the client's view).
 */
public interface WeightSource {
  /** Kernel {@code [M][C][k][k]} of a convolution. */
  float[] conv(ConvLayer layer);

  /** Bias {@code [M]} of a convolution that has one ({@link ConvLayer#bias()}); null for the shape alone. */
  default float[] convBias(ConvLayer layer) {
    return null;
  }

  /** Batch-norm statistics and affine parameters. */
  BatchNorm norm(BatchNormLayer layer);

  /** Classifier weights {@code [classes][features]}. */
  float[] fcWeight(FcNode head);

  /** Classifier bias {@code [classes]}. */
  float[] fcBias(FcNode head);

  /**
   * Inference-mode batch norm {@code y = gamma (x - mean) / sqrt(var + eps) + beta}.
   *
   * @param gamma scale
   * @param beta shift
   * @param mean running mean
   * @param var running variance
   * @param eps epsilon
   */
  record BatchNorm(float[] gamma, float[] beta, float[] mean, float[] var, double eps) {
    /** The per-channel factor {@code gamma / sqrt(var + eps)}. */
    public double scale(int c) {
      return gamma[c] / Math.sqrt(var[c] + eps);
    }

    /** The per-channel offset {@code beta - mean * scale}. */
    public double shift(int c) {
      return beta[c] - mean[c] * scale(c);
    }
  }

  /** The source of the shape alone: every parameter is null. */
  WeightSource SHAPE_ONLY = new WeightSource() {
    @Override
    public float[] conv(ConvLayer layer) {
      return null;
    }

    @Override
    public BatchNorm norm(BatchNormLayer layer) {
      return null;
    }

    @Override
    public float[] fcWeight(FcNode head) {
      return null;
    }

    @Override
    public float[] fcBias(FcNode head) {
      return null;
    }
  };
}
