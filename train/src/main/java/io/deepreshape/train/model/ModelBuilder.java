package io.deepreshape.train.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.deepreshape.layout.BlockLayout;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.HeadLayout;
import io.deepreshape.layout.NetworkLayout;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.layout.StemLayout;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds the DJL model of a spec from its layout: stem, residual blocks stage by stage, head. */
public final class ModelBuilder {
  private final List<ReluModeBlock> relus = new ArrayList<>();
  private final Function<ReluLayer, Block> reluFactory;

  private ModelBuilder(Function<ReluLayer, Block> reluFactory) {
    this.reluFactory = reluFactory;
  }

  /** The model of {@code spec} (uninitialised; initialise with the input shape {@code (N, C, H, W)}). */
  public static BuiltModel build(NetworkSpec spec) {
    return build(spec, null);
  }

  /**
   * The model of {@code spec} with ReLU layers made by {@code reluFactory} where it returns a block
   * (e.g. SNL's trainable masks), and {@link ReluModeBlock}s where it returns null or is null.
   */
  public static BuiltModel build(NetworkSpec spec, Function<ReluLayer, Block> reluFactory) {
    NetworkLayout layout = NetworkLayout.of(spec);
    ModelBuilder b = new ModelBuilder(reluFactory);
    SequentialBlock net = new SequentialBlock();
    net.add(b.stem(layout.stem()));
    for (List<BlockLayout> stage : layout.stages()) {
      for (BlockLayout block : stage) {
        net.add(b.block(block));
      }
    }
    net.add(b.head(layout.head()));
    return new BuiltModel(spec, net, List.copyOf(b.relus));
  }

  private Block stem(StemLayout s) {
    SequentialBlock seq = new SequentialBlock().add(conv(s.conv()));
    if (s.norm() != null) {
      seq.add(batchNorm()).add(relu(s.relu()));
    }
    if (s.maxPool()) {
      seq.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
    }
    return seq;
  }

  private Block block(BlockLayout b) {
    List<ConvLayer> c = b.convs();
    List<ReluLayer> r = b.relus();
    return switch (b.type()) {
      case BASIC -> new SequentialBlock()
          .add(residual(new SequentialBlock().add(conv(c.get(0))).add(batchNorm()).add(relu(r.get(0)))
              .add(conv(c.get(1))).add(batchNorm()), shortcut(b, true)))
          .add(relu(r.get(1)));
      case BOTTLENECK -> new SequentialBlock()
          .add(residual(new SequentialBlock().add(conv(c.get(0))).add(batchNorm()).add(relu(r.get(0)))
              .add(conv(c.get(1))).add(batchNorm()).add(relu(r.get(1)))
              .add(conv(c.get(2))).add(batchNorm()), shortcut(b, true)))
          .add(relu(r.get(2)));
      case WIDE -> wide(b, c, r);
    };
  }

  /** Pre-activation block; a projection shortcut reads the pre-activated input, as in WideResNet. */
  private Block wide(BlockLayout b, List<ConvLayer> c, List<ReluLayer> r) {
    SequentialBlock branch = new SequentialBlock().add(conv(c.get(0))).add(batchNorm()).add(relu(r.get(1)))
        .add(conv(c.get(1)));
    if (b.hasProjection()) {
      return new SequentialBlock().add(batchNorm()).add(relu(r.get(0)))
          .add(residual(branch, shortcut(b, false)));
    }
    return residual(new SequentialBlock().add(batchNorm()).add(relu(r.get(0))).add(branch), Blocks.identityBlock());
  }

  private static Block shortcut(BlockLayout b, boolean withNorm) {
    if (!b.hasProjection()) {
      return Blocks.identityBlock();
    }
    SequentialBlock s = new SequentialBlock().add(conv(b.projection()));
    if (withNorm) {
      s.add(batchNorm());
    }
    return s;
  }

  private static Block residual(Block main, Block shortcut) {
    return new ParallelBlock(outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
        List.of(main, shortcut));
  }

  private Block head(HeadLayout h) {
    SequentialBlock seq = new SequentialBlock();
    if (h.norm() != null) {
      seq.add(batchNorm()).add(relu(h.relu()));
    }
    return seq.add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(h.classes()).build());
  }

  private Block relu(ReluLayer layer) {
    if (reluFactory != null) {
      Block custom = reluFactory.apply(layer);
      if (custom != null) {
        return custom;
      }
    }
    ReluModeBlock block = new ReluModeBlock(layer);
    relus.add(block);
    return block;
  }

  private static Block conv(ConvLayer c) {
    return Conv2d.builder().setKernelShape(new Shape(c.kernel(), c.kernel())).optStride(new Shape(c.stride(), c.stride()))
        .optPadding(new Shape(c.padding(), c.padding())).setFilters(c.outChannels()).optBias(false).build();
  }

  private static Block batchNorm() {
    return BatchNorm.builder().build();
  }
}
