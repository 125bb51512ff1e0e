/**
 * The geometry of a network's layers: convolutions, batch norms and ReLU layers with their concrete
 * channels, strides and spatial sizes. The {@link io.deepreshape.graph.NetworkGraph} places them in
 * execution order and wires them.
 */
package io.deepreshape.layout;
