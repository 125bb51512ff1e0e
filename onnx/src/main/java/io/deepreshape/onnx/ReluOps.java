package io.deepreshape.onnx;

import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.proto.OnnxProto.AttributeProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.spec.ReluMode;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A ReLU layer's mode in standard operators (DEEPRESHAPE.md sections 2 and 6): {@code full} is a
 * {@code Relu}; {@code identity} adds nothing; {@code partial} applies {@code Relu} to the kept channels
 * alone ({@code Gather}, {@code Relu}, {@code Concat}, {@code Gather}); {@code reuse:r} compares the
 * first channel of each group of r with zero and multiplies every channel of the group by that 0/1
 * sign ({@code Gather}, {@code Greater}, {@code Cast}, {@code Gather}, {@code Mul}). Either way the
 * file's comparisons are the ReLUs the accounting counts.
 */
final class ReluOps {
  private final GraphWriter graph;
  private final ReluLayer layer;
  private final String name;

  ReluOps(GraphWriter graph, ReluLayer layer) {
    this.graph = graph;
    this.layer = layer;
    this.name = layer.address().toString();
  }

  /** Writes the layer reading tensor {@code x} into {@code y}; returns the tensor that holds its output. */
  String write(String x, String y) {
    ReluMode mode = layer.mode();
    if (mode instanceof ReluMode.Full) {
      graph.op("Relu", name, y, x);
      return y;
    } else if (mode instanceof ReluMode.Identity) {
      return x;
    } else if (mode instanceof ReluMode.Reuse r) {
      return reuse(x, y, r.groupSize());
    }
    return partial(x, y);
  }

  /**
   * The kept channels go through a {@code Relu} of their own and are put back among the others by a
   * second gather from {@code [x, relu(kept)]}, so the only comparisons are the kept ones.
   */
  private String partial(String x, String y) {
    int c = layer.channels();
    boolean[] keep = keptChannels(c);
    int kept = 0;
    long[] take = new long[c];
    long[] back = new long[c];
    for (int i = 0; i < c; i++) {
      back[i] = keep[i] ? c + kept : i;
      if (keep[i]) {
        take[kept++] = i;
      }
    }
    if (kept == 0) {
      return x;
    }
    graph.initializer(Tensors.longs(name + ".kept_channels", Arrays.copyOf(take, kept), kept));
    graph.initializer(Tensors.longs(name + ".merge", back, c));
    graph.op("Gather", name + ".kept", name + ".kept", x, name + ".kept_channels").addAttribute(axis());
    graph.op("Relu", name + ".relu", name + ".relu", name + ".kept");
    graph.op("Concat", name + ".both", name + ".both", x, name + ".relu").addAttribute(axis());
    graph.op("Gather", name, y, name + ".both", name + ".merge").addAttribute(axis());
    return y;
  }

  private boolean[] keptChannels(int c) {
    boolean[] keep = new boolean[c];
    if (layer.mode() instanceof ReluMode.PartialFraction p) {
      for (int i = 0; i < p.keptChannels(c); i++) {
        keep[i] = true;
      }
    } else if (layer.mode() instanceof ReluMode.PartialChannels p) {
      BitSet bits = p.channels();
      for (int i = bits.nextSetBit(0); i >= 0 && i < c; i = bits.nextSetBit(i + 1)) {
        keep[i] = true;
      }
    } else {
      throw new IllegalArgumentException("unknown ReLU mode " + layer.mode() + " at " + name);
    }
    return keep;
  }

  /**
   * The sign of the first channel of each group ({@code ceil(C/r)} comparisons), spread over the
   * group's channels by a gather and multiplied in.
   */
  private String reuse(String x, String y, int r) {
    int c = layer.channels();
    int groups = (c + r - 1) / r;
    long[] first = new long[groups];
    for (int g = 0; g < groups; g++) {
      first[g] = (long) g * r;
    }
    long[] group = new long[c];
    for (int i = 0; i < c; i++) {
      group[i] = i / r;
    }
    graph.initializer(Tensors.longs(name + ".representatives", first, groups));
    graph.initializer(Tensors.longs(name + ".group", group, c));
    graph.initializer(Tensors.floats(name + ".zero", new float[] {0f}));
    graph.op("Gather", name + ".sign_source", name + ".sign_source", x, name + ".representatives").addAttribute(axis());
    graph.op("Greater", name + ".positive", name + ".positive", name + ".sign_source", name + ".zero");
    graph.op("Cast", name + ".sign", name + ".sign", name + ".positive")
        .addAttribute(GraphWriter.integer("to", TensorProto.DataType.FLOAT.getNumber()));
    graph.op("Gather", name + ".mask", name + ".mask", name + ".sign", name + ".group").addAttribute(axis());
    graph.op("Mul", name, y, x, name + ".mask");
    return y;
  }

  private static AttributeProto axis() {
    return GraphWriter.integer("axis", 1);
  }
}
