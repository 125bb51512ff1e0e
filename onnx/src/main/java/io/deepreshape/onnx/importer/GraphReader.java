package io.deepreshape.onnx.importer;

import io.deepreshape.graph.AddNode;
import io.deepreshape.graph.AvgPoolNode;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.FlattenNode;
import io.deepreshape.graph.MaxPoolNode;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import io.deepreshape.graph.Shape;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.proto.OnnxProto.GraphProto;
import io.deepreshape.onnx.proto.OnnxProto.NodeProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates an ONNX graph's nodes, in the file's (topological) order, into network-graph nodes
 * with stage and block 0 (assigned afterwards by {@link Staging}) and collects their weights. Each
 * tensor name maps to an activation, a constant, or a MatMul product waiting for its bias.
 */
final class GraphReader {
  /** The operators the importer translates. */
  static final String SUPPORTED = "Conv, BatchNormalization, Relu, Add, MaxPool, AveragePool (whole map), "
      + "GlobalAveragePool, Flatten, Reshape (to [N, features]), Gemm, MatMul (+ Add), Identity, Constant; "
      + ModePatterns.OPERATORS;
  /** PyTorch's default batch-norm epsilon, the one the trainer's batch norms use. */
  static final double EPSILON = 1e-5;

  private sealed interface Value permits Act, Const, Product, Pattern {}

  /** An activation: node {@code id}'s output ({@link Node#IMAGE} for the image). */
  private record Act(int id, Shape shape) implements Value {}

  private record Const(Constants tensor) implements Value {}

  /** A step of a partial-ReLU or reuse pattern on {@code source} ({@link ModePatterns}) and its index tensors. */
  private record Pattern(Act source, ModePatterns.Step step, long[] index, long[] group) implements Value {
    Pattern next(ModePatterns.Step s) {
      return new Pattern(source, s, index, group);
    }
  }

  /** {@code input x weight} of a MatMul, a classifier once its bias is added. */
  private record Product(Act input, float[] weight, int classes, String address) implements Value {}

  private final String file;
  private final Map<String, Value> values = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final ImportedWeights weights = new ImportedWeights();
  private final Set<String> addresses = new HashSet<>();
  private String where;
  private NodeProto node;

  private GraphReader(String file) {
    this.file = file;
  }

  /** The result: nodes with stage 0, the image shape, the weights. */
  record Read(List<Node> nodes, Shape image, ImportedWeights weights) {}

  static Read read(GraphProto g, String file) {
    GraphReader r = new GraphReader(file);
    for (TensorProto t : g.getInitializerList()) {
      r.values.put(t.getName(), new Const(Constants.of(t, file + ": initializer")));
    }
    Shape image = ModelInput.shape(g, file);
    r.values.put(ModelInput.name(g, file), new Act(Node.IMAGE, image));
    for (int i = 0; i < g.getNodeCount(); i++) {
      r.translate(g.getNode(i), i);
    }
    r.output(g);
    return new Read(List.copyOf(r.nodes), image, r.weights);
  }

  private void translate(NodeProto n, int index) {
    node = n;
    String name = n.getName().isEmpty() ? "#" + index : n.getName();
    where = file + ": node '" + name + "' (" + n.getOpType() + ")";
    if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
      throw new ImportException(where + " is in operator domain '" + n.getDomain() + "'; supported: the default "
          + "domain's " + SUPPORTED);
    }
    Value v = switch (n.getOpType()) {
      case "Conv" -> conv();
      case "BatchNormalization" -> batchNorm();
      case "Relu" -> relu();
      case "Add" -> add();
      case "MaxPool" -> maxPool();
      case "AveragePool" -> averagePool();
      case "GlobalAveragePool" -> unary(Set.of(), a -> new AvgPoolNode(nodes.size(), address(), 0, 0, a.id(), a.shape()));
      case "Flatten" -> flatten();
      case "Reshape" -> reshape();
      case "Gemm" -> gemm();
      case "MatMul" -> matMul();
      case "Identity" -> identity();
      case "Constant" -> constant();
      case "Gather" -> gather();
      case "Concat" -> concat();
      case "Greater" -> greater();
      case "Cast" -> cast();
      case "Mul" -> mul();
      default -> throw new ImportException(where + " is not supported; supported operators: " + SUPPORTED);
    };
    if (n.getOutputCount() != 1) {
      throw new ImportException(where + " has " + n.getOutputCount() + " outputs; only its first (inference) "
          + "output is supported");
    }
    values.put(n.getOutput(0), v);
  }

  private Value conv() {
    Attributes at = attributes("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
    inputs(2, 3);
    requireNoAutoPad(at);
    at.requireInt("group", 1, "grouped and depthwise convolutions are not: group=1 only");
    if (at.square("dilations", 2, 1) != 1) {
      throw new ImportException(where + ": dilations other than 1 are not supported");
    }
    Act x = act(0);
    Constants w = constant(1);
    int m = (int) dim(w, 0);
    if (w.dims().length != 4 || w.dims()[1] != x.shape().channels() || w.dims()[2] != w.dims()[3]) {
      throw new ImportException(where + ": weight " + w.dimsText() + " does not fit input " + x.shape()
          + " (expected [M, " + x.shape().channels() + ", k, k])");
    }
    int k = (int) w.dims()[2];
    if (at.square("kernel_shape", 2, k) != k) {
      throw new ImportException(where + ": kernel_shape disagrees with the weight " + w.dimsText());
    }
    int stride = at.square("strides", 2, 1);
    int pad = at.square("pads", 4, 0);
    Shape in = x.shape();
    Shape out = pooled(in, m, k, stride, pad);
    float[] bias = null;
    if (node.getInputCount() == 3 && !node.getInput(2).isEmpty()) {
      bias = vector(constant(2), m, "bias");
    }
    String a = address(node.getInput(1), ".weight");
    ConvLayer l = new ConvLayer(a, 0, in.channels(), m, k, stride, pad, in.height(), in.width(), out.height(),
        out.width(), bias != null);
    weights.putConv(a, w.floats(), bias);
    return add(new ConvNode(nodes.size(), 0, x.id(), l));
  }

  private Value batchNorm() {
    Attributes at = attributes("epsilon", "momentum", "training_mode", "spatial");
    inputs(5, 5);
    at.requireInt("training_mode", 0, "inference mode only");
    at.requireInt("spatial", 1, "per-channel statistics only");
    double eps = at.real("epsilon", (float) EPSILON);
    if (Math.abs(eps - EPSILON) > 1e-9) {
      throw new ImportException(where + ": epsilon=" + eps + " is not supported (1e-5, PyTorch's default, only)");
    }
    Act x = act(0);
    int c = x.shape().channels();
    float[][] p = new float[4][];
    String[] what = {"scale", "bias", "mean", "var"};
    for (int i = 0; i < 4; i++) {
      p[i] = vector(constant(i + 1), c, what[i]);
    }
    String a = address(node.getInput(1), ".weight");
    Shape s = x.shape();
    weights.putNorm(a, new WeightSource.BatchNorm(p[0], p[1], p[2], p[3], EPSILON));
    return add(new BatchNormNode(nodes.size(), 0, x.id(), new BatchNormLayer(a, 0, c, s.height(), s.width())));
  }

  private Value relu() {
    if (node.getInputCount() == 1 && value(0) instanceof Pattern p && p.step() == ModePatterns.Step.PICKED) {
      attributes();
      return p.next(ModePatterns.Step.PICKED_RELU);
    }
    return unary(Set.of(), a -> {
      Shape s = a.shape();
      return new ReluNode(nodes.size(), 0, a.id(),
          new ReluLayer(ReluAddress.STEM, ReluMode.FULL, 0, s.channels(), s.height(), s.width()));
    });
  }

  private Value add() {
    attributes();
    inputs(2, 2);
    Value l = value(0);
    Value r = value(1);
    if (l instanceof Const c && r instanceof Product p) {
      return classifier(p, c.tensor());
    } else if (l instanceof Product p && r instanceof Const c) {
      return classifier(p, c.tensor());
    } else if (!(l instanceof Act) || !(r instanceof Act)) {
      throw new ImportException(where + ": adds " + kind(l) + " and " + kind(r) + "; supported: two activations "
          + "of one shape (a residual addition) or a MatMul's bias");
    }
    Act a = act(0);
    Act b = act(1);
    if (!a.shape().equals(b.shape())) {
      throw new ImportException(where + ": adds shapes " + a.shape() + " and " + b.shape()
          + "; a residual addition needs equal shapes");
    }
    // the engine sums a block's linear layers in one step: the main path must be one of them
    if (!linear(a) && linear(b)) {
      Act t = a;
      a = b;
      b = t;
    }
    boolean projection = b.id() >= 0 && (nodes.get(b.id()) instanceof ConvNode
        || nodes.get(b.id()) instanceof BatchNormNode bn && bn.input() >= 0 && nodes.get(bn.input()) instanceof ConvNode);
    return add(new AddNode(nodes.size(), address(), 0, 0, a.id(), b.id(), a.shape(), projection));
  }

  private boolean linear(Act a) {
    return a.id() >= 0 && (nodes.get(a.id()) instanceof ConvNode || nodes.get(a.id()) instanceof BatchNormNode
        || nodes.get(a.id()) instanceof AddNode);
  }

  private Value maxPool() {
    Attributes at = attributes("kernel_shape", "strides", "pads", "ceil_mode", "dilations", "storage_order",
        "auto_pad");
    inputs(1, 1);
    requireNoAutoPad(at);
    at.requireInt("ceil_mode", 0, "floor rounding only");
    at.requireInt("storage_order", 0, "row-major only");
    if (at.square("dilations", 2, 1) != 1) {
      throw new ImportException(where + ": dilations other than 1 are not supported");
    }
    Act x = act(0);
    int k = kernel(at);
    int stride = at.square("strides", 2, 1);
    int pad = at.square("pads", 4, 0);
    if (pad >= k) {
      throw new ImportException(where + ": pads=" + pad + " must be less than the kernel " + k);
    }
    pooled(x.shape(), x.shape().channels(), k, stride, pad);
    return add(new MaxPoolNode(nodes.size(), address(), 0, 0, x.id(), x.shape(), k, stride, pad));
  }

  private Value averagePool() {
    Attributes at = attributes("kernel_shape", "strides", "pads", "ceil_mode", "count_include_pad", "auto_pad");
    inputs(1, 1);
    requireNoAutoPad(at);
    Act x = act(0);
    Shape s = x.shape();
    int k = kernel(at);
    if (s.height() != s.width() || k != s.height() || at.square("pads", 4, 0) != 0) {
      throw new ImportException(where + ": an average pool of " + k + "x" + k + " over " + s + " is not supported "
          + "(average pooling over the whole map only, as GlobalAveragePool)");
    }
    return add(new AvgPoolNode(nodes.size(), address(), 0, 0, x.id(), s));
  }

  private Value flatten() {
    return unary(Set.of("axis"), a -> {
      if (new Attributes(node, where, Set.of("axis")).integer("axis", 1) != 1) {
        throw new ImportException(where + ": axis other than 1 is not supported (flatten to [N, features] only)");
      }
      return new FlattenNode(nodes.size(), address(), 0, 0, a.id(), a.shape());
    });
  }

  private Value reshape() {
    Attributes at = attributes("allowzero");
    at.requireInt("allowzero", 0, "a zero copies the input's dimension");
    inputs(2, 2);
    Act x = act(0);
    Constants shape = constant(1);
    long features = x.shape().elements();
    long[] v = shape.longs();
    boolean flat = v != null && v.length == 2 && (v[0] == 1 || v[0] == 0 || v[0] == -1)
        && (v[1] == features || v[1] == -1 && v[0] != -1);
    if (!flat) {
      throw new ImportException(where + ": a reshape of " + x.shape() + " to " + shape.dimsText() + " "
          + java.util.Arrays.toString(v) + " is not supported (a reshape to [N, " + features + "] only)");
    }
    return add(new FlattenNode(nodes.size(), address(), 0, 0, x.id(), x.shape()));
  }

  private Value gemm() {
    Attributes at = attributes("alpha", "beta", "transA", "transB");
    inputs(2, 3);
    at.requireInt("transA", 0, "the activation is not transposed");
    if (at.real("alpha", 1f) != 1f || at.real("beta", 1f) != 1f) {
      throw new ImportException(where + ": alpha and beta other than 1 are not supported");
    }
    Act x = vectorInput();
    int features = x.shape().channels();
    Constants w = constant(1);
    boolean transB = at.integer("transB", 0) == 1;
    int classes = (int) dim(w, transB ? 0 : 1);
    if (w.dims().length != 2 || w.dims()[transB ? 1 : 0] != features) {
      throw new ImportException(where + ": weight " + w.dimsText() + " does not fit " + features + " features");
    }
    float[] weight = transB ? w.floats() : transpose(w.floats(), features, classes);
    float[] bias = node.getInputCount() == 3 && !node.getInput(2).isEmpty()
        ? vector(constant(2), classes, "bias") : new float[classes];
    return classifier(new Product(x, weight, classes, address(node.getInput(1), ".weight")), bias);
  }

  private Value matMul() {
    attributes();
    inputs(2, 2);
    Act x = vectorInput();
    int features = x.shape().channels();
    Constants w = constant(1);
    if (w.dims().length != 2 || w.dims()[0] != features) {
      throw new ImportException(where + ": weight " + w.dimsText() + " does not fit " + features + " features "
          + "(expected [" + features + ", classes])");
    }
    int classes = (int) w.dims()[1];
    return new Product(x, transpose(w.floats(), features, classes), classes, address(node.getInput(1), ".weight"));
  }

  private Value classifier(Product p, Constants bias) {
    return classifier(p, vector(bias, p.classes(), "bias"));
  }

  private Value classifier(Product p, float[] bias) {
    if (p.classes() < 2) {
      throw new ImportException(where + ": a classifier of " + p.classes() + " class; at least 2 are needed");
    }
    int features = p.input().shape().channels();
    FcNode fc = new FcNode(nodes.size(), p.address(), 0, 0, p.input().id(), features, p.classes());
    weights.putFc(fc.address(), p.weight(), bias);
    return add(fc);
  }

  private Value identity() {
    attributes();
    inputs(1, 1);
    return value(0);
  }

  private Value constant() {
    Attributes at = attributes("value");
    if (at.get("value") == null || !at.get("value").hasT()) {
      throw new ImportException(where + ": a Constant without a tensor 'value' is not supported");
    }
    inputs(0, 0);
    return new Const(Constants.of(at.get("value").getT(), where));
  }

  /** Gather on the channel axis: picks channels of an activation, merges a partial ReLU, or spreads signs. */
  private Value gather() {
    Attributes at = attributes("axis");
    inputs(2, 2);
    if (at.integer("axis", 0) != 1) {
      throw new ImportException(where + ": axis=" + at.integer("axis", 0) + " is not supported (a gather of "
          + "channels, axis 1, in " + ModePatterns.ROLE + ")");
    }
    long[] index = indices(1);
    Value v = value(0);
    if (v instanceof Act a) {
      return new Pattern(a, ModePatterns.Step.PICKED, index, null);
    } else if (v instanceof Pattern p && p.step() == ModePatterns.Step.JOINED) {
      Act x = p.source();
      return reluNode(x, ModePatterns.partial(x.shape().channels(), p.index(), index, where));
    } else if (v instanceof Pattern p && p.step() == ModePatterns.Step.SIGN) {
      return new Pattern(p.source(), ModePatterns.Step.MASK, p.index(), index);
    }
    throw notInPattern();
  }

  /** Concat of an activation and the ReLU of some of its channels. */
  private Value concat() {
    Attributes at = attributes("axis");
    inputs(2, 2);
    if (at.integer("axis", 0) != 1) {
      throw new ImportException(where + ": axis=" + at.integer("axis", 0) + " is not supported (channels, axis 1, "
          + "in " + ModePatterns.ROLE + ")");
    }
    if (value(0) instanceof Act x && value(1) instanceof Pattern p && p.step() == ModePatterns.Step.PICKED_RELU
        && p.source().id() == x.id()) {
      return p.next(ModePatterns.Step.JOINED);
    }
    throw notInPattern();
  }

  /** Greater of picked channels and a zero constant: the signs of the representatives. */
  private Value greater() {
    attributes();
    inputs(2, 2);
    if (value(0) instanceof Pattern p && p.step() == ModePatterns.Step.PICKED && value(1) instanceof Const c
        && c.tensor().floats() != null && c.tensor().floats().length == 1 && c.tensor().floats()[0] == 0f) {
      return p.next(ModePatterns.Step.POSITIVE);
    }
    throw notInPattern();
  }

  /** Cast of the comparison to float32. */
  private Value cast() {
    Attributes at = attributes("to", "saturate");
    inputs(1, 1);
    if (value(0) instanceof Pattern p && p.step() == ModePatterns.Step.POSITIVE
        && at.integer("to", 0) == TensorProto.DataType.FLOAT_VALUE) {
      return p.next(ModePatterns.Step.SIGN);
    }
    throw notInPattern();
  }

  /** Mul of an activation and the mask of its own representatives' signs: a reuse layer. */
  private Value mul() {
    attributes();
    inputs(2, 2);
    Value l = value(0);
    Value r = value(1);
    Pattern mask = l instanceof Pattern p ? p : r instanceof Pattern p ? p : null;
    Value other = mask == l ? r : l;
    if (mask != null && mask.step() == ModePatterns.Step.MASK && other instanceof Act x
        && x.id() == mask.source().id()) {
      return reluNode(x, ModePatterns.reuse(x.shape().channels(), mask.index(), mask.group(), where));
    }
    throw notInPattern();
  }

  private Value reluNode(Act x, ReluMode mode) {
    Shape s = x.shape();
    return add(new ReluNode(nodes.size(), 0, x.id(), new ReluLayer(ReluAddress.STEM, mode, 0, s.channels(),
        s.height(), s.width())));
  }

  /** A 1-D int64 constant of indices. */
  private long[] indices(int i) {
    Constants c = constant(i);
    if (c.longs() == null || c.dims().length != 1) {
      throw new ImportException(where + ": indices '" + c.name() + "' are " + c.dimsText() + ", expected 1-D int64");
    }
    return c.longs();
  }

  private ImportException notInPattern() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < node.getInputCount(); i++) {
      Value v = values.get(node.getInput(i));
      in.append(i == 0 ? "" : ", ").append(v == null ? "an unknown tensor" : kind(v));
    }
    return new ImportException(where + " (on " + in + ") is supported only as part of " + ModePatterns.ROLE);
  }

  private Value unary(Set<String> known, java.util.function.Function<Act, Node> make) {
    attributes(known.toArray(new String[0]));
    inputs(1, 1);
    return add(make.apply(act(0)));
  }

  private void output(GraphProto g) {
    String end = file + ": the model's output";
    if (g.getOutputCount() != 1) {
      throw new ImportException(end + "s are " + g.getOutputCount() + "; one output (the logits) is supported");
    }
    Value v = values.get(g.getOutput(0).getName());
    where = end + " '" + g.getOutput(0).getName() + "'";
    if (v instanceof Product p) {
      v = classifier(p, new float[p.classes()]);
    }
    if (!(v instanceof Act a) || a.id() != nodes.size() - 1 || !(nodes.get(a.id()) instanceof FcNode)) {
      throw new ImportException(where + " is not written by the last node, a classifier (Gemm, or MatMul and "
          + "Add); a network ends with one fully connected layer");
    }
    int[] readers = new int[nodes.size()];
    for (Node n : nodes) {
      if (n.input() >= 0) {
        readers[n.input()]++;
      }
      if (n instanceof AddNode s && s.shortcut() >= 0) {
        readers[s.shortcut()]++;
      }
    }
    for (int i = 0; i < nodes.size() - 1; i++) {
      if (readers[i] == 0) {
        throw new ImportException(file + ": the output of node " + nodes.get(i).address() + " is never used");
      }
    }
  }

  private Attributes attributes(String... known) {
    return new Attributes(node, where, Set.of(known));
  }

  private void requireNoAutoPad(Attributes at) {
    String p = at.text("auto_pad", "NOTSET");
    if (!p.equals("NOTSET")) {
      throw new ImportException(where + ": auto_pad=" + p + " is not supported (explicit pads only)");
    }
  }

  private int kernel(Attributes at) {
    if (at.ints("kernel_shape") == null) {
      throw new ImportException(where + ": kernel_shape is missing");
    }
    return at.square("kernel_shape", 2, 1);
  }

  private void inputs(int min, int max) {
    int n = node.getInputCount();
    if (n < min || n > max) {
      throw new ImportException(where + " has " + n + " inputs, expected " + (min == max ? "" + min : min + " to " + max));
    }
  }

  private Value value(int i) {
    Value v = values.get(node.getInput(i));
    if (v == null) {
      throw new ImportException(where + " reads '" + node.getInput(i) + "', which no earlier node or initializer "
          + "writes (nodes must be in topological order)");
    }
    return v;
  }

  private Act act(int i) {
    Value v = value(i);
    if (!(v instanceof Act a)) {
      throw new ImportException(where + ": input '" + node.getInput(i) + "' is " + kind(v) + ", an activation was "
          + "expected");
    }
    if (a.id() >= 0 && nodes.get(a.id()) instanceof FcNode) {
      throw new ImportException(where + " reads the classifier's output; a network ends with one fully connected "
          + "layer (hidden fully connected layers are not supported)");
    }
    return a;
  }

  /** An activation of {@code n x 1 x 1} (after a flatten or global pooling). */
  private Act vectorInput() {
    Act x = act(0);
    if (x.shape().height() != 1 || x.shape().width() != 1) {
      throw new ImportException(where + ": input " + x.shape() + " is not flattened to [N, features]");
    }
    return x;
  }

  private Constants constant(int i) {
    Value v = value(i);
    if (!(v instanceof Const c)) {
      throw new ImportException(where + ": input '" + node.getInput(i) + "' is " + kind(v) + "; a constant "
          + "(initializer) was expected");
    }
    return c.tensor();
  }

  private float[] vector(Constants c, int size, String what) {
    boolean shaped = c.hasDims(size) || c.hasDims(1, size);
    if (c.floats() == null || !shaped) {
      throw new ImportException(where + ": " + what + " '" + c.name() + "' is " + c.dimsText() + ", expected ["
          + size + "] float32");
    }
    return c.floats();
  }

  private long dim(Constants c, int axis) {
    if (c.floats() == null || c.dims().length <= axis) {
      throw new ImportException(where + ": weight '" + c.name() + "' is " + c.dimsText() + " and not float32 "
          + "of the expected rank");
    }
    return c.dims()[axis];
  }

  private Shape pooled(Shape in, int channels, int k, int stride, int pad) {
    if (stride < 1 || k < 1) {
      throw new ImportException(where + ": kernel and strides must be positive");
    }
    int h = Math.floorDiv(in.height() + 2 * pad - k, stride) + 1;
    int w = Math.floorDiv(in.width() + 2 * pad - k, stride) + 1;
    if (h < 1 || w < 1) {
      throw new ImportException(where + ": a " + k + "x" + k + " kernel does not fit input " + in + " with pads " + pad);
    }
    return new Shape(channels, h, w);
  }

  private static float[] transpose(float[] v, int rows, int cols) {
    float[] t = new float[v.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = v[r * cols + c];
      }
    }
    return t;
  }

  private static String kind(Value v) {
    return v instanceof Const ? "a constant" : v instanceof Product ? "a MatMul product"
        : v instanceof Pattern ? "a step of " + ModePatterns.ROLE : "an activation";
  }

  /** The node's address: its weight's name less {@code suffix}, else its ONNX name, made unique. */
  private String address(String weight, String suffix) {
    String base = weight.endsWith(suffix) && weight.length() > suffix.length()
        ? weight.substring(0, weight.length() - suffix.length()) : null;
    return unique(base != null ? base : nodeName());
  }

  private String address() {
    return unique(nodeName());
  }

  private String nodeName() {
    String name = node.getName();
    while (name.startsWith("/")) {
      name = name.substring(1);
    }
    return name.isEmpty() ? node.getOpType().toLowerCase(java.util.Locale.ROOT) + nodes.size() : name;
  }

  private String unique(String base) {
    String a = base;
    for (int i = 2; !addresses.add(a); i++) {
      a = base + "#" + i;
    }
    return a;
  }

  private Value add(Node n) {
    nodes.add(n);
    return new Act(n.id(), n.out());
  }
}
