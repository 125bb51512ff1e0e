package io.deepreshape.accounting;

/**
 * One layer's costs. {@code stage} is 0 for the stem, 1..D for the stages and D+1 for the head.
 * {@code flops} are multiply-accumulates of conv and FC layers only; {@code otherOps} counts the
 * element operations of batch norm, additions and pooling, reported apart. {@code activations} are
 * output elements of conv and FC layers (0 for other rows, as pycls counts them), {@code inputs} input elements; {@code detail} describes the layer (shape, kernel, ReLU mode).
 */
public record LayerCost(
    String name, LayerKind kind, int stage, long relus, long reuseMuxes, long flops, long params,
    long activations, long inputs, long otherOps, String detail) {}
