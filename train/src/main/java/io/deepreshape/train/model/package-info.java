/**
 * Builds a trainable DJL model from a network spec's {@link io.deepreshape.graph.NetworkGraph}, the
 * same graph the accounting counts, so that the model's parameters and the ReLUs its layers compute
 * equal the accounting's.
 */
package io.deepreshape.train.model;
