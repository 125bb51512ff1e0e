package io.deepreshape.graph;

import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.StemType;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires a spec's stem, blocks and head into nodes: the one place that knows each {@link
 * io.deepreshape.spec.BlockType}'s dataflow and each {@link StemType}'s layers.
 */
final class GraphBuilder {
  private final NetworkSpec spec;
  private final List<Node> nodes;
  private int block;

  private GraphBuilder(NetworkSpec spec) {
    this.spec = spec;
    int blocks = 0;
    for (var st : spec.stages()) {
      blocks += st.phi();
    }
    this.nodes = new ArrayList<>(12 + 11 * blocks); // a bottleneck block with a projection has 11 nodes
  }

  static NetworkGraph build(NetworkSpec spec) {
    GraphBuilder g = new GraphBuilder(spec);
    int x = g.stem();
    Shape o = g.nodes.get(x).out();
    int c = o.channels();
    int h = o.height();
    int w = o.width();
    for (int s = 1; s <= spec.depth(); s++) {
      int width = spec.stages().get(s - 1).width();
      for (int b = 1; b <= spec.stages().get(s - 1).phi(); b++) {
        int stride = (s > 1 && b == 1) ? 2 : 1;
        g.block = b;
        x = switch (spec.block()) {
          case BASIC -> g.basic(s, b, x, c, h, w, stride, width);
          case BOTTLENECK -> g.bottleneck(s, b, x, c, h, w, stride, width);
          case WIDE -> g.wide(s, b, x, c, h, w, stride, width);
        };
        o = g.nodes.get(x).out();
        c = o.channels();
        h = o.height();
        w = o.width();
      }
    }
    g.block = 0;
    g.head(x, c, h, w);
    return NetworkGraph.built(spec, g.nodes);
  }

  private int stem() {
    int in = spec.input().channels();
    int h = spec.input().height();
    int w = spec.input().width();
    int c = spec.stemChannels();
    StemType type = spec.stem().type();
    int k = type == StemType.IMAGENET ? 7 : 3;
    int stride = type == StemType.IMAGENET ? 2 : 1;
    int x = conv("stem.conv", 0, Node.IMAGE, in, c, k, stride, h, w);
    if (type == StemType.WIDE) {
      return x;
    }
    int oh = NetworkSpec.convOut(h, k, stride, k / 2);
    int ow = NetworkSpec.convOut(w, k, stride, k / 2);
    x = relu(0, bnAfter("stem.bn", x), ReluAddress.STEM, c, oh, ow);
    if (type == StemType.IMAGENET) {
      x = add(new MaxPoolNode(nodes.size(), "stem.maxpool", 0, 0, x, new Shape(c, oh, ow), 3, 2, 1));
    }
    return x;
  }

  /** conv3x3(stride)-BN-ReLU-conv3x3-BN, add, ReLU. */
  private int basic(int s, int b, int x, int in, int h, int w, int stride, int width) {
    String p = prefix(s, b);
    int oh = NetworkSpec.convOut(h, 3, stride, 1);
    int ow = NetworkSpec.convOut(w, 3, stride, 1);
    int t = bnAfter(p + "bn1", conv(p + "conv1", s, x, in, width, 3, stride, h, w));
    t = relu(s, t, ReluAddress.of(s, b, 1), width, oh, ow);
    t = bnAfter(p + "bn2", conv(p + "conv2", s, t, width, width, 3, 1, oh, ow));
    int sc = shortcut(s, b, x, in, width, stride, h, w, true);
    int sum = residual(s, b, t, sc, sc != x, new Shape(width, oh, ow));
    return relu(s, sum, ReluAddress.of(s, b, 2), width, oh, ow);
  }

  /** conv1x1-BN-ReLU-conv3x3(stride)-BN-ReLU-conv1x1-BN, add, ReLU (torchvision v1.5). */
  private int bottleneck(int s, int b, int x, int in, int h, int w, int stride, int width) {
    String p = prefix(s, b);
    int out = width * 4;
    int oh = NetworkSpec.convOut(h, 3, stride, 1);
    int ow = NetworkSpec.convOut(w, 3, stride, 1);
    int t = bnAfter(p + "bn1", conv(p + "conv1", s, x, in, width, 1, 1, h, w));
    t = relu(s, t, ReluAddress.of(s, b, 1), width, h, w);
    t = bnAfter(p + "bn2", conv(p + "conv2", s, t, width, width, 3, stride, h, w));
    t = relu(s, t, ReluAddress.of(s, b, 2), width, oh, ow);
    t = bnAfter(p + "bn3", conv(p + "conv3", s, t, width, out, 1, 1, oh, ow));
    int sc = shortcut(s, b, x, in, out, stride, h, w, true);
    int sum = residual(s, b, t, sc, sc != x, new Shape(out, oh, ow));
    return relu(s, sum, ReluAddress.of(s, b, 3), out, oh, ow);
  }

  /** Pre-activation: BN-ReLU-conv3x3(stride)-BN-ReLU-conv3x3, add (WideResNet; a projection reads the activation). */
  private int wide(int s, int b, int x, int in, int h, int w, int stride, int width) {
    String p = prefix(s, b);
    int oh = NetworkSpec.convOut(h, 3, stride, 1);
    int ow = NetworkSpec.convOut(w, 3, stride, 1);
    int z = add(new BatchNormNode(nodes.size(), block, x, new BatchNormLayer(p + "bn1", s, in, h, w)));
    z = relu(s, z, ReluAddress.of(s, b, 1), in, h, w);
    int t = bnAfter(p + "bn2", conv(p + "conv1", s, z, in, width, 3, stride, h, w));
    t = relu(s, t, ReluAddress.of(s, b, 2), width, oh, ow);
    t = conv(p + "conv2", s, t, width, width, 3, 1, oh, ow);
    int sc = shortcut(s, b, z, in, width, stride, h, w, false);
    Shape out = new Shape(width, oh, ow);
    return sc == z ? residual(s, b, t, x, false, out) : residual(s, b, t, sc, true, out);
  }

  /** The projection (1x1 conv, with BN for ResNet blocks) when the shape changes, else {@code x} itself. */
  private int shortcut(int s, int b, int x, int in, int out, int stride, int h, int w, boolean norm) {
    if (stride == 1 && in == out) {
      return x;
    }
    int p = conv(prefix(s, b) + "shortcut", s, x, in, out, 1, stride, h, w);
    return norm ? bnAfter(prefix(s, b) + "shortcut.bn", p) : p;
  }

  private int residual(int s, int b, int main, int shortcut, boolean projection, Shape out) {
    return add(new AddNode(nodes.size(), prefix(s, b) + "add", s, block, main, shortcut, out, projection));
  }

  private void head(int x, int c, int h, int w) {
    int stage = spec.depth() + 1;
    if (spec.block() == BlockType.WIDE) {
      // counted in the head row (stage D+1), like the pooling and FC layers it precedes
      x = add(new BatchNormNode(nodes.size(), 0, x, new BatchNormLayer("head.bn", stage, c, h, w)));
      x = relu(stage, x, ReluAddress.HEAD, c, h, w);
    }
    Shape map = new Shape(c, h, w);
    x = add(new AvgPoolNode(nodes.size(), "head.avgpool", stage, 0, x, map));
    x = add(new FlattenNode(nodes.size(), "head.flatten", stage, 0, x, new Shape(c, 1, 1)));
    add(new FcNode(nodes.size(), "head.fc", stage, 0, x, c, spec.input().classes()));
  }

  private static String prefix(int s, int b) {
    return "s" + s + ".b" + b + ".";
  }

  private int conv(String name, int stage, int x, int in, int out, int k, int stride, int h, int w) {
    int pad = k / 2;
    ConvLayer l = new ConvLayer(name, stage, in, out, k, stride, pad, h, w,
        NetworkSpec.convOut(h, k, stride, pad), NetworkSpec.convOut(w, k, stride, pad));
    return add(new ConvNode(nodes.size(), block, x, l));
  }

  private int bnAfter(String name, int convId) {
    ConvLayer c = ((ConvNode) nodes.get(convId)).layer();
    BatchNormLayer l = new BatchNormLayer(name, c.stage(), c.outChannels(), c.outHeight(), c.outWidth());
    return add(new BatchNormNode(nodes.size(), block, convId, l));
  }

  private int relu(int stage, int x, ReluAddress a, int c, int h, int w) {
    return add(new ReluNode(nodes.size(), block, x, new ReluLayer(a, spec.reluMode(a), stage, c, h, w)));
  }

  private int add(Node n) {
    nodes.add(n);
    return nodes.size() - 1;
  }
}
