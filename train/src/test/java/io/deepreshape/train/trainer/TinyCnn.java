package io.deepreshape.train.trainer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** Test model: conv3x3 - batch norm - ReLU - max pool - flatten - linear. */
final class TinyCnn implements ModelFactory {
  private final int channels;
  private final int size;
  private final int classes;
  private final int filters;

  TinyCnn(int channels, int size, int classes, int filters) {
    this.channels = channels;
    this.size = size;
    this.classes = classes;
    this.filters = filters;
  }

  @Override
  public Block build() {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
            .setFilters(filters).build())
        .add(BatchNorm.builder().build())
        .add(Activation.reluBlock())
        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(classes).build());
  }

  @Override
  public Shape inputShape() {
    return new Shape(1, channels, size, size);
  }
}
