package io.deepreshape.train.trainer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Builds a fresh, uninitialised DJL block mapping an NCHW float batch to class logits {@code (N,
 * classes)}. Two calls must build structurally identical blocks (same parameter names and shapes),
 * so parameters saved from one load into the other.
 */
public interface ModelFactory {
  /** A new uninitialised block. */
  Block build();

  /** Input shape for initialisation, NCHW with N = 1, e.g. {@code (1, 3, 32, 32)}. */
  Shape inputShape();
}
