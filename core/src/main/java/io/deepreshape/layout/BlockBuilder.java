package io.deepreshape.layout;

import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import java.util.List;

/** Resolves the layers of one block for each {@link io.deepreshape.spec.BlockType}. */
final class BlockBuilder {
  private BlockBuilder() {}

  static BlockLayout build(NetworkSpec spec, int s, int b, int in, int h, int w, int stride) {
    return switch (spec.block()) {
      case BASIC -> basic(spec, s, b, in, h, w, stride);
      case BOTTLENECK -> bottleneck(spec, s, b, in, h, w, stride);
      case WIDE -> wide(spec, s, b, in, h, w, stride);
    };
  }

  private static String prefix(int s, int b) {
    return "s" + s + ".b" + b + ".";
  }

  private static ConvLayer conv(String name, int s, int in, int out, int k, int stride, int h, int w) {
    int pad = k / 2;
    return new ConvLayer(name, s, in, out, k, stride, pad, h, w,
        NetworkSpec.convOut(h, k, stride, pad), NetworkSpec.convOut(w, k, stride, pad));
  }

  private static BatchNormLayer bnAfter(String name, ConvLayer c) {
    return new BatchNormLayer(name, c.stage(), c.outChannels(), c.outHeight(), c.outWidth());
  }

  private static ReluLayer relu(NetworkSpec spec, int s, int b, int p, int channels, int h, int w) {
    ReluAddress a = ReluAddress.of(s, b, p);
    return new ReluLayer(a, spec.reluMode(a), s, channels, h, w);
  }

  /** conv3x3(stride)-BN-ReLU-conv3x3-BN, add, ReLU. */
  private static BlockLayout basic(NetworkSpec spec, int s, int b, int in, int h, int w, int stride) {
    String p = prefix(s, b);
    int width = spec.stages().get(s - 1).width();
    ConvLayer c1 = conv(p + "conv1", s, in, width, 3, stride, h, w);
    ConvLayer c2 = conv(p + "conv2", s, width, width, 3, 1, c1.outHeight(), c1.outWidth());
    List<ReluLayer> relus = List.of(
        relu(spec, s, b, 1, width, c1.outHeight(), c1.outWidth()),
        relu(spec, s, b, 2, width, c2.outHeight(), c2.outWidth()));
    return withShortcut(BlockType.BASIC, s, b, in, width, stride, h, w, List.of(c1, c2),
        List.of(bnAfter(p + "bn1", c1), bnAfter(p + "bn2", c2)), relus, true);
  }

  /** conv1x1-BN-ReLU-conv3x3(stride)-BN-ReLU-conv1x1-BN, add, ReLU (torchvision v1.5). */
  private static BlockLayout bottleneck(NetworkSpec spec, int s, int b, int in, int h, int w, int stride) {
    String p = prefix(s, b);
    int width = spec.stages().get(s - 1).width();
    int out = width * 4;
    ConvLayer c1 = conv(p + "conv1", s, in, width, 1, 1, h, w);
    ConvLayer c2 = conv(p + "conv2", s, width, width, 3, stride, h, w);
    ConvLayer c3 = conv(p + "conv3", s, width, out, 1, 1, c2.outHeight(), c2.outWidth());
    List<ReluLayer> relus = List.of(
        relu(spec, s, b, 1, width, h, w),
        relu(spec, s, b, 2, width, c2.outHeight(), c2.outWidth()),
        relu(spec, s, b, 3, out, c3.outHeight(), c3.outWidth()));
    return withShortcut(BlockType.BOTTLENECK, s, b, in, out, stride, h, w, List.of(c1, c2, c3),
        List.of(bnAfter(p + "bn1", c1), bnAfter(p + "bn2", c2), bnAfter(p + "bn3", c3)), relus, true);
  }

  /** Pre-activation: BN-ReLU-conv3x3(stride)-BN-ReLU-conv3x3, add (WideResNet). */
  private static BlockLayout wide(NetworkSpec spec, int s, int b, int in, int h, int w, int stride) {
    String p = prefix(s, b);
    int width = spec.stages().get(s - 1).width();
    ConvLayer c1 = conv(p + "conv1", s, in, width, 3, stride, h, w);
    ConvLayer c2 = conv(p + "conv2", s, width, width, 3, 1, c1.outHeight(), c1.outWidth());
    List<BatchNormLayer> norms = List.of(
        new BatchNormLayer(p + "bn1", s, in, h, w),
        new BatchNormLayer(p + "bn2", s, width, c1.outHeight(), c1.outWidth()));
    List<ReluLayer> relus = List.of(
        relu(spec, s, b, 1, in, h, w),
        relu(spec, s, b, 2, width, c1.outHeight(), c1.outWidth()));
    return withShortcut(BlockType.WIDE, s, b, in, width, stride, h, w, List.of(c1, c2), norms, relus, false);
  }

  private static BlockLayout withShortcut(BlockType type, int s, int b, int in, int out, int stride, int h, int w,
      List<ConvLayer> convs, List<BatchNormLayer> norms, List<ReluLayer> relus, boolean projectionNorm) {
    ConvLayer proj = null;
    BatchNormLayer projBn = null;
    if (stride != 1 || in != out) {
      proj = conv(prefix(s, b) + "shortcut", s, in, out, 1, stride, h, w);
      if (projectionNorm) {
        projBn = bnAfter(prefix(s, b) + "shortcut.bn", proj);
      }
    }
    return new BlockLayout(s, b, type, in, out, stride, convs, norms, relus, proj, projBn);
  }
}
