package io.deepreshape.train.trainer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deepreshape.train.probe.ThroughputProbe;

/** No-argument model factories for {@link ThroughputProbe} runs from the test classpath. */
final class ProbeModels {
  private ProbeModels() {}

  /** The tiny test CNN on 8x8 single-channel images, 4 classes. */
  public static final class Tiny implements ModelFactory {
    private final TinyCnn cnn = new TinyCnn(1, 8, QuadrantData.CLASSES, 8);

    @Override
    public Block build() {
      return cnn.build();
    }

    @Override
    public Shape inputShape() {
      return cnn.inputShape();
    }
  }

  /** A wider CNN on 3x32x32 CIFAR-sized images, 10 classes. */
  public static final class Cifar implements ModelFactory {
    private final TinyCnn cnn = new TinyCnn(3, 32, 10, 32);

    @Override
    public Block build() {
      return cnn.build();
    }

    @Override
    public Shape inputShape() {
      return cnn.inputShape();
    }
  }
}
