/**
 * The resolved architecture of a spec: every convolution, batch norm, ReLU and the head with its
 * concrete channels, strides and spatial sizes, in execution order. Accounting, cost models and the
 * trainable model builder all read this one layout, so they cannot disagree about the network.
 */
package io.deepreshape.layout;
