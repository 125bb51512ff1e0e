package io.deepreshape.onnx.importer;

import io.deepreshape.onnx.proto.OnnxProto.AttributeProto;
import io.deepreshape.onnx.proto.OnnxProto.NodeProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node's attributes, each checked against the ones the importer knows for its operator: an unknown
 * attribute, or a known one with a value the network graph cannot express, fails naming the node.
 */
final class Attributes {
  private final String where;
  private final Map<String, AttributeProto> byName = new HashMap<>();

  Attributes(NodeProto node, String where, Set<String> known) {
    this.where = where;
    for (AttributeProto a : node.getAttributeList()) {
      if (!known.contains(a.getName())) {
        throw new ImportException(where + ": attribute '" + a.getName() + "' is not supported (supported: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
      byName.put(a.getName(), a);
    }
  }

  long integer(String name, long fallback) {
    AttributeProto a = byName.get(name);
    return a == null ? fallback : a.getI();
  }

  float real(String name, float fallback) {
    AttributeProto a = byName.get(name);
    return a == null ? fallback : a.getF();
  }

  String text(String name, String fallback) {
    AttributeProto a = byName.get(name);
    return a == null ? fallback : a.getS().toStringUtf8();
  }

  /** The ints of {@code name}, or null when absent. */
  long[] ints(String name) {
    AttributeProto a = byName.get(name);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  AttributeProto get(String name) {
    return byName.get(name);
  }

  /** Fails unless {@code name} is absent or {@code expected}. */
  void requireInt(String name, long expected, String meaning) {
    long v = integer(name, expected);
    if (v != expected) {
      throw new ImportException(where + ": " + name + "=" + v + " is not supported (" + meaning + ")");
    }
  }

  /** One value for both spatial axes of {@code name} ({@code count} values: 2, or 4 for pads), or {@code fallback}. */
  int square(String name, int count, int fallback) {
    long[] v = ints(name);
    if (v == null) {
      return fallback;
    }
    if (v.length != count) {
      throw new ImportException(where + ": " + name + " has " + v.length + " values, expected " + count
          + " (2-D operators only)");
    }
    for (long x : v) {
      if (x != v[0]) {
        throw new ImportException(where + ": " + name + "=" + List.of(box(v)) + " is not supported "
            + "(the same value on every side and axis only)");
      }
    }
    if (v[0] < 0 || v[0] > 1 << 16) {
      throw new ImportException(where + ": " + name + "=" + v[0] + " is out of range");
    }
    return (int) v[0];
  }

  private static Long[] box(long[] v) {
    Long[] b = new Long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = v[i];
    }
    return b;
  }
}
