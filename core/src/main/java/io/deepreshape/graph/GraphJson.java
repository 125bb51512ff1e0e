package io.deepreshape.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * A network graph without a spec (an imported model's) as JSON: its name, input, depth and every
 * node with its kind, stage, block, inputs, shapes and (for a ReLU) address and mode. What a run
 * directory keeps as the architecture of an imported network and what a server announces as its
 * public shape. {@link #parse} checks each node's shapes against the nodes it reads, so a graph read
 * back is one the accounting, the trainer and the engine can take.
 */
public final class GraphJson {
  /** Nodes a graph may have (a ResNet-152 has about 500). */
  public static final int MAX_NODES = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphJson() {}

  public static ObjectNode toTree(NetworkGraph g) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", g.name());
    InputShape in = g.input();
    ObjectNode i = o.putObject("input");
    i.put("channels", in.channels());
    i.put("height", in.height());
    i.put("width", in.width());
    i.put("classes", in.classes());
    o.put("depth", g.depth());
    ArrayNode nodes = o.putArray("nodes");
    for (Node n : g.nodes()) {
      nodes.add(node(n));
    }
    return o;
  }

  /** Canonical JSON text (field order fixed). */
  public static String toJson(NetworkGraph g) {
    return toTree(g).toString();
  }

  private static ObjectNode node(Node n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("op", kind(n));
    o.put("address", n.address());
    o.put("stage", n.stage());
    o.put("block", n.block());
    o.put("input", n.input());
    shape(o, "in", n.in());
    if (n instanceof ConvNode c) {
      ConvLayer l = c.layer();
      o.put("out_channels", l.outChannels());
      o.put("kernel", l.kernel());
      o.put("stride", l.stride());
      o.put("padding", l.padding());
      o.put("bias", l.bias());
      if (l.groups() > 1) {
        o.put("groups", l.groups());
      }
    } else if (n instanceof ReluNode r) {
      o.put("mode", r.layer().mode().text());
    } else if (n instanceof AddNode a) {
      o.put("shortcut", a.shortcut());
      o.put("projection", a.projection());
    } else if (n instanceof MaxPoolNode p) {
      o.put("kernel", p.kernel());
      o.put("stride", p.stride());
      o.put("padding", p.padding());
    } else if (n instanceof FcNode f) {
      o.put("classes", f.classes());
    }
    return o;
  }

  private static String kind(Node n) {
    if (n instanceof ConvNode) {
      return "conv";
    } else if (n instanceof BatchNormNode) {
      return "bn";
    } else if (n instanceof ReluNode) {
      return "relu";
    } else if (n instanceof AddNode) {
      return "add";
    } else if (n instanceof MaxPoolNode) {
      return "maxpool";
    } else if (n instanceof AvgPoolNode) {
      return "avgpool";
    } else if (n instanceof FlattenNode) {
      return "flatten";
    } else if (n instanceof FcNode) {
      return "fc";
    }
    throw new IllegalArgumentException("node " + n.address() + " has no JSON form: write the graph before the engine's passes");
  }

  private static void shape(ObjectNode o, String name, Shape s) {
    ArrayNode a = o.putArray(name);
    a.add(s.channels()).add(s.height()).add(s.width());
  }

  /** Parses {@link #toTree}'s form; anything invalid fails with an {@link IllegalArgumentException} naming it. */
  public static NetworkGraph parse(JsonNode o) {
    InputShape in = new InputShape(integer(o.path("input"), "channels"), integer(o.path("input"), "height"),
        integer(o.path("input"), "width"), integer(o.path("input"), "classes"));
    int depth = integer(o, "depth");
    if (depth < 0 || depth > SpecLimits.MAX_STAGES * 64) {
      throw new IllegalArgumentException("graph depth " + depth + " is out of range");
    }
    JsonNode list = o.path("nodes");
    if (!list.isArray() || list.size() == 0 || list.size() > MAX_NODES) {
      throw new IllegalArgumentException("graph nodes must be a list of 1 to " + MAX_NODES + " nodes");
    }
    List<Node> nodes = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Node n = node(list.get(i), i);
      Shape expected = source(nodes, n.input(), in);
      if (!expected.equals(n.in())) {
        throw new IllegalArgumentException("graph node " + i + " (" + n.address() + ") reads " + n.in() + " but its "
            + "input is " + expected);
      }
      if (n instanceof AddNode a && !source(nodes, a.shortcut(), in).equals(a.shape())) {
        throw new IllegalArgumentException("graph node " + i + " (" + n.address() + ") adds a shortcut of another shape");
      }
      nodes.add(n);
    }
    String name = text(o, "name");
    return NetworkGraph.imported(name, in, depth, nodes);
  }

  private static Shape source(List<Node> nodes, int id, InputShape in) {
    if (id == Node.IMAGE) {
      return new Shape(in.channels(), in.height(), in.width());
    }
    if (id < 0 || id >= nodes.size()) {
      throw new IllegalArgumentException("graph node " + nodes.size() + " reads node " + id + ", which is not before it");
    }
    return nodes.get(id).out();
  }

  private static Node node(JsonNode o, int id) {
    String op = text(o, "op");
    String a = text(o, "address");
    int stage = integer(o, "stage");
    int block = integer(o, "block");
    int input = integer(o, "input");
    JsonNode s = o.path("in");
    if (!s.isArray() || s.size() != 3) {
      throw new IllegalArgumentException("graph node " + id + " needs its input shape 'in' as [C, H, W]");
    }
    Shape in = new Shape(side(s.get(0)), side(s.get(1)), side(s.get(2)));
    if (in.elements() > SpecLimits.MAX_ELEMENTS) {
      throw new IllegalArgumentException("graph node " + id + " reads " + in + ", more than " + SpecLimits.MAX_ELEMENTS
          + " values");
    }
    return switch (op) {
      case "conv" -> {
        int m = side(o.path("out_channels"));
        int k = side(o.path("kernel"));
        int stride = side(o.path("stride"));
        int p = integer(o, "padding");
        int oh = Math.floorDiv(in.height() + 2 * p - k, stride) + 1;
        int ow = Math.floorDiv(in.width() + 2 * p - k, stride) + 1;
        if (p < 0 || oh < 1 || ow < 1) {
          throw new IllegalArgumentException("graph node " + id + " (" + a + ") has an invalid kernel, stride or padding");
        }
        int groups = o.has("groups") ? side(o.path("groups")) : 1;
        yield new ConvNode(id, block, input, new ConvLayer(a, stage, in.channels(), m, k, stride, p, in.height(),
            in.width(), oh, ow, o.path("bias").asBoolean(false), groups));
      }
      case "bn" -> new BatchNormNode(id, block, input, new BatchNormLayer(a, stage, in.channels(), in.height(),
          in.width()));
      case "relu" -> new ReluNode(id, block, input, new ReluLayer(ReluAddress.parse(a, "graph node " + id),
          ReluMode.parse(text(o, "mode"), "graph node " + id + " mode"), stage, in.channels(), in.height(), in.width()));
      case "add" -> new AddNode(id, a, stage, block, input, integer(o, "shortcut"), in,
          o.path("projection").asBoolean(false));
      case "maxpool" -> {
        int k = side(o.path("kernel"));
        int stride = side(o.path("stride"));
        int p = integer(o, "padding");
        if (p < 0 || p >= k || in.height() + 2 * p < k || in.width() + 2 * p < k) {
          throw new IllegalArgumentException("graph node " + id + " (" + a + ") has an invalid pooling window");
        }
        yield new MaxPoolNode(id, a, stage, block, input, in, k, stride, p);
      }
      case "avgpool" -> new AvgPoolNode(id, a, stage, block, input, in);
      case "flatten" -> new FlattenNode(id, a, stage, block, input, in);
      case "fc" -> new FcNode(id, a, stage, block, input, Math.toIntExact(in.elements()), side(o.path("classes")));
      default -> throw new IllegalArgumentException("graph node " + id + " has unknown op '" + op + "'");
    };
  }

  private static int side(JsonNode v) {
    if (!v.canConvertToInt() || v.asInt() < 1 || v.asInt() > SpecLimits.MAX_WIDTH) {
      throw new IllegalArgumentException("graph dimension " + v + " is not within 1.." + SpecLimits.MAX_WIDTH);
    }
    return v.asInt();
  }

  private static int integer(JsonNode o, String field) {
    JsonNode v = o.path(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException("graph field '" + field + "' must be an integer, was " + v);
    }
    return v.asInt();
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > 1000) {
      throw new IllegalArgumentException("graph field '" + field + "' must be a non-empty text");
    }
    return v.asText();
  }
}
