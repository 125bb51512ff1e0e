package io.deepreshape.layout;

import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.StemType;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolved layers of a spec (DEEPRESHAPE.md section 2): stem, blocks stage by stage, head.
 * Built by {@link #of}; a pure function of the spec.
 */
public record NetworkLayout(NetworkSpec spec, StemLayout stem, List<List<BlockLayout>> stages, HeadLayout head) {

  public NetworkLayout {
    stages = stages.stream().map(List::copyOf).toList();
  }

  /** Resolves every layer of {@code spec}. */
  public static NetworkLayout of(NetworkSpec spec) {
    StemLayout stem = stem(spec);
    List<List<BlockLayout>> stages = new ArrayList<>(spec.depth());
    int channels = stem.conv().outChannels();
    int h = stem.outHeight();
    int w = stem.outWidth();
    for (int s = 1; s <= spec.depth(); s++) {
      int phi = spec.stages().get(s - 1).phi();
      List<BlockLayout> blocks = new ArrayList<>(phi);
      for (int b = 1; b <= phi; b++) {
        int stride = (s > 1 && b == 1) ? 2 : 1;
        BlockLayout block = BlockBuilder.build(spec, s, b, channels, h, w, stride);
        blocks.add(block);
        ConvLayer last = block.convs().get(block.convs().size() - 1);
        channels = block.outChannels();
        h = last.outHeight();
        w = last.outWidth();
      }
      stages.add(blocks);
    }
    BatchNormLayer headNorm = null;
    ReluLayer headRelu = null;
    if (spec.block() == BlockType.WIDE) {
      // counted in the head row (stage D+1), like the pooling and FC layers it precedes
      headNorm = new BatchNormLayer("head.bn", spec.depth() + 1, channels, h, w);
      headRelu = new ReluLayer(ReluAddress.HEAD, spec.reluMode(ReluAddress.HEAD), spec.depth() + 1, channels, h, w);
    }
    HeadLayout head = new HeadLayout(headNorm, headRelu, channels, spec.input().classes(), h, w);
    return new NetworkLayout(spec, stem, stages, head);
  }

  private static StemLayout stem(NetworkSpec spec) {
    int in = spec.input().channels();
    int h = spec.input().height();
    int w = spec.input().width();
    int c = spec.stemChannels();
    if (spec.stem().type() == StemType.IMAGENET) {
      int ch = NetworkSpec.convOut(h, 7, 2, 3);
      int cw = NetworkSpec.convOut(w, 7, 2, 3);
      ConvLayer conv = new ConvLayer("stem.conv", 0, in, c, 7, 2, 3, h, w, ch, cw);
      BatchNormLayer bn = new BatchNormLayer("stem.bn", 0, c, ch, cw);
      ReluLayer relu = new ReluLayer(ReluAddress.STEM, spec.reluMode(ReluAddress.STEM), 0, c, ch, cw);
      return new StemLayout(conv, bn, relu, true, NetworkSpec.convOut(ch, 3, 2, 1), NetworkSpec.convOut(cw, 3, 2, 1));
    }
    ConvLayer conv = new ConvLayer("stem.conv", 0, in, c, 3, 1, 1, h, w, h, w);
    if (spec.stem().type() == StemType.WIDE) {
      return new StemLayout(conv, null, null, false, h, w);
    }
    BatchNormLayer bn = new BatchNormLayer("stem.bn", 0, c, h, w);
    ReluLayer relu = new ReluLayer(ReluAddress.STEM, spec.reluMode(ReluAddress.STEM), 0, c, h, w);
    return new StemLayout(conv, bn, relu, false, h, w);
  }

  /** Every ReLU layer in execution order. */
  public List<ReluLayer> reluLayers() {
    List<ReluLayer> out = new ArrayList<>();
    if (stem.relu() != null) {
      out.add(stem.relu());
    }
    for (List<BlockLayout> blocks : stages) {
      for (BlockLayout b : blocks) {
        out.addAll(b.relus());
      }
    }
    if (head.relu() != null) {
      out.add(head.relu());
    }
    return out;
  }

  /** Every convolution (projections included) in execution order. */
  public List<ConvLayer> convLayers() {
    List<ConvLayer> out = new ArrayList<>();
    out.add(stem.conv());
    for (List<BlockLayout> blocks : stages) {
      for (BlockLayout b : blocks) {
        out.addAll(b.convs());
        if (b.projection() != null) {
          out.add(b.projection());
        }
      }
    }
    return out;
  }
}
