package io.deepreshape.onnx;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.graph.Shape;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.onnx.proto.OnnxProto.AttributeProto;
import io.deepreshape.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import io.deepreshape.onnx.proto.OnnxProto.GraphProto;
import io.deepreshape.onnx.proto.OnnxProto.NodeProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorShapeProto;
import io.deepreshape.onnx.proto.OnnxProto.TypeProto;
import io.deepreshape.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Writes the nodes of a graph, in execution order, as ONNX nodes and initializers. A node's output
 * tensor is named by its address; an identity ReLU adds no node and passes its input's name on.
 */
final class GraphWriter {
  private final NetworkGraph graph;
  private final WeightSource weights;
  private final GraphProto.Builder out = GraphProto.newBuilder();
  /** The tensor holding each node's output. */
  private final String[] tensor;

  private GraphWriter(NetworkGraph graph, WeightSource weights) {
    this.graph = graph;
    this.weights = weights;
    this.tensor = new String[graph.size()];
  }

  static GraphProto write(NetworkGraph graph, WeightSource weights) {
    GraphWriter w = new GraphWriter(graph, weights);
    w.out.setName(graph.name());
    Shape in = graph.node(0).in();
    w.out.addInput(value(OnnxExport.INPUT, in.channels(), in.height(), in.width()));
    for (Node n : graph.nodes()) {
      w.node(n);
    }
    // the classifier writes the output tensor itself
    w.out.addOutput(value(OnnxExport.OUTPUT, graph.output().out().channels()));
    return w.out.build();
  }

  private void node(Node n) {
    String x = n.input() == Node.IMAGE ? OnnxExport.INPUT : tensor[n.input()];
    String y = n.id() == graph.size() - 1 ? OnnxExport.OUTPUT : n.address();
    if (n instanceof ConvNode c) {
      conv(c.layer(), x, y);
    } else if (n instanceof BatchNormNode b) {
      WeightSource.BatchNorm bn = require(weights.norm(b.layer()), n);
      String a = n.address();
      int ch = b.layer().channels();
      initializer(Tensors.floats(a + ".gamma", bn.gamma(), ch));
      initializer(Tensors.floats(a + ".beta", bn.beta(), ch));
      initializer(Tensors.floats(a + ".mean", bn.mean(), ch));
      initializer(Tensors.floats(a + ".var", bn.var(), ch));
      op("BatchNormalization", a, y, x, a + ".gamma", a + ".beta", a + ".mean", a + ".var")
          .addAttribute(real("epsilon", (float) bn.eps()));
    } else if (n instanceof ReluNode r) {
      y = new ReluOps(this, r.layer()).write(x, y);
    } else if (n instanceof AddNode a) {
      op("Add", n.address(), y, x, tensor[a.shortcut()]);
    } else if (n instanceof MaxPoolNode p) {
      op("MaxPool", n.address(), y, x).addAttribute(ints("kernel_shape", p.kernel(), p.kernel()))
          .addAttribute(ints("strides", p.stride(), p.stride()))
          .addAttribute(ints("pads", p.padding(), p.padding(), p.padding(), p.padding()));
    } else if (n instanceof AvgPoolNode) {
      op("GlobalAveragePool", n.address(), y, x);
    } else if (n instanceof FlattenNode) {
      op("Flatten", n.address(), y, x).addAttribute(integer("axis", 1));
    } else if (n instanceof FcNode f) {
      initializer(Tensors.floats(f.address() + ".weight", require(weights.fcWeight(f), n), f.classes(), f.features()));
      initializer(Tensors.floats(f.address() + ".bias", require(weights.fcBias(f), n), f.classes()));
      op("Gemm", n.address(), y, x, f.address() + ".weight", f.address() + ".bias")
          .addAttribute(integer("transB", 1));
    } else {
      throw new IllegalArgumentException("node " + n.address() + " (" + n.getClass().getSimpleName()
          + ") has no ONNX form: export the graph before the engine's passes");
    }
    tensor[n.id()] = y;
  }

  private void conv(ConvLayer l, String x, String y) {
    String w = l.name() + ".weight";
    float[] kernel = weights.conv(l);
    if (kernel == null) {
      throw new IllegalArgumentException("no weights for " + l.name());
    }
    initializer(Tensors.floats(w, kernel, l.outChannels(), l.groupInChannels(), l.kernel(), l.kernel()));
    int p = l.padding();
    String[] inputs = {x, w};
    if (l.bias()) {
      initializer(Tensors.floats(l.name() + ".bias", require(weights.convBias(l), l.name()), l.outChannels()));
      inputs = new String[] {x, w, l.name() + ".bias"};
    }
    NodeProto.Builder conv = op("Conv", l.name(), y, inputs).addAttribute(ints("kernel_shape", l.kernel(), l.kernel()))
        .addAttribute(ints("strides", l.stride(), l.stride())).addAttribute(ints("pads", p, p, p, p));
    if (l.groups() > 1) {
      conv.addAttribute(integer("group", l.groups()));
    }
  }

  private static <T> T require(T value, Node n) {
    return require(value, n.address());
  }

  private static <T> T require(T value, String address) {
    if (value == null) {
      throw new IllegalArgumentException("no weights for " + address);
    }
    return value;
  }

  /** Adds an ONNX node {@code type} named {@code name} writing {@code output} from {@code inputs}. */
  NodeProto.Builder op(String type, String name, String output, String... inputs) {
    NodeProto.Builder b = out.addNodeBuilder().setOpType(type).setName(name).addOutput(output);
    for (String i : inputs) {
      b.addInput(i);
    }
    return b;
  }

  void initializer(TensorProto t) {
    out.addInitializer(t);
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
  }

  /** A float32 tensor of shape {@code [N, dims...]} with the batch dimension free. */
  private static ValueInfoProto value(String name, int... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDimBuilder().setDimParam("N");
    for (int d : dims) {
      shape.addDimBuilder().setDimValue(d);
    }
    TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }
}
