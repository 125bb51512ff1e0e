package io.deepreshape.onnx;

import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.spec.ReluMode;
import java.util.BitSet;

/**
 * A ReLU layer's mode in standard operators (DEEPRESHAPE.md sections 2 and 6): {@code full} is a
 * {@code Relu}; {@code identity} adds nothing; {@code partial} is {@code x + k * (Relu(x) - x)} with
 * the 0/1 channel mask {@code k} of shape {@code [1, C, 1, 1]} ({@code Relu}, {@code Sub}, {@code
 * Mul}, {@code Add}); {@code reuse:r} gathers the first channel of each group of r onto every channel
 * of the group, takes its sign as a 0/1 mask and multiplies ({@code Gather}, {@code Greater}, {@code
 * Cast}, {@code Mul}).
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

  private String partial(String x, String y) {
    int c = layer.channels();
    float[] keep = new float[c];
    if (layer.mode() instanceof ReluMode.PartialFraction p) {
      for (int i = 0; i < p.keptChannels(c); i++) {
        keep[i] = 1;
      }
    } else if (layer.mode() instanceof ReluMode.PartialChannels p) {
      BitSet bits = p.channels();
      for (int i = bits.nextSetBit(0); i >= 0 && i < c; i = bits.nextSetBit(i + 1)) {
        keep[i] = 1;
      }
    } else {
      throw new IllegalArgumentException("unknown ReLU mode " + layer.mode() + " at " + name);
    }
    graph.initializer(Tensors.floats(name + ".keep", keep, 1, c, 1, 1));
    graph.op("Relu", name + ".relu", name + ".relu", x);
    graph.op("Sub", name + ".delta", name + ".delta", name + ".relu", x);
    graph.op("Mul", name + ".kept", name + ".kept", name + ".delta", name + ".keep");
    graph.op("Add", name, y, x, name + ".kept");
    return y;
  }

  private String reuse(String x, String y, int r) {
    int c = layer.channels();
    long[] source = new long[c];
    for (int i = 0; i < c; i++) {
      source[i] = (long) (i / r) * r;
    }
    graph.initializer(Tensors.longs(name + ".group", source, c));
    graph.initializer(Tensors.floats(name + ".zero", new float[] {0f}));
    graph.op("Gather", name + ".sign_source", name + ".sign_source", x, name + ".group")
        .addAttribute(GraphWriter.integer("axis", 1));
    graph.op("Greater", name + ".positive", name + ".positive", name + ".sign_source", name + ".zero");
    graph.op("Cast", name + ".mask", name + ".mask", name + ".positive")
        .addAttribute(GraphWriter.integer("to", TensorProto.DataType.FLOAT.getNumber()));
    graph.op("Mul", name, y, x, name + ".mask");
    return y;
  }
}
