package io.deepreshape.layout;

/**
 * The head: for WideResNet a final batch norm and ReLU, then global average pooling over
 * {@code poolHeight x poolWidth} and a fully connected layer with bias.
 */
public record HeadLayout(BatchNormLayer norm, ReluLayer relu, int features, int classes, int poolHeight,
    int poolWidth) {

  public long fcMacs() {
    return (long) features * classes;
  }

  public long fcParams() {
    return (long) features * classes + classes;
  }
}
