package io.deepreshape.layout;

/**
 * The stem: a convolution, then (except for WideResNet) batch norm and a ReLU, then for the ImageNet
 * stem a 3x3 stride-2 max-pool down to {@code outHeight x outWidth}.
 */
public record StemLayout(ConvLayer conv, BatchNormLayer norm, ReluLayer relu, boolean maxPool, int outHeight,
    int outWidth) {}
