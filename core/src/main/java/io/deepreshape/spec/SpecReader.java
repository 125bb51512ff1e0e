package io.deepreshape.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a parsed JSON/YAML tree into a {@link NetworkSpec}, checking every field by path. Besides the
 * canonical form ({@code input}, {@code stem}, {@code stages}) it accepts two shorthands:
 * {@code dataset: <name>} instead of {@code input} (stem then defaults to the dataset's), and
 * {@code base_width}, {@code phi} and {@code factors} instead of {@code stages}.
 */
final class SpecReader {
  private static final Set<String> TOP = Set.of("name", "dataset", "input", "stem", "block", "stages", "base_width",
      "phi", "factors", "relu");

  private SpecReader() {}

  static NetworkSpec spec(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new SpecException("a spec must be a mapping with fields " + String.join(", ", sorted(TOP)));
    }
    checkFields(root, "", TOP);
    String name = text(root, "name", "name");
    Dataset dataset = root.has("dataset") ? Dataset.parse(text(root, "dataset", "dataset")) : null;
    if (dataset == null && !root.has("input")) {
      throw new SpecException("input is missing: give input {channels, height, width, classes} or dataset: <name> ("
          + Dataset.keys() + ")");
    }
    InputShape input = root.has("input") ? input(root.get("input")) : dataset.input();
    BlockType block = root.has("block") ? BlockType.parse(text(root, "block", "block"), "block") : BlockType.BASIC;
    List<StageSpec> stages = stages(root);
    StemSpec stem;
    if (root.has("stem")) {
      JsonNode s = root.get("stem");
      checkFields(s, "stem", Set.of("type", "channels"));
      stem = new StemSpec(StemType.parse(text(s, "type", "stem.type"), "stem.type"),
          s.has("channels") ? integer(s, "channels", "stem.channels") : stages.get(0).width());
    } else {
      StemType type = block == BlockType.WIDE ? StemType.WIDE : dataset != null ? dataset.stem() : StemType.CIFAR;
      stem = new StemSpec(type, block == BlockType.WIDE ? 16 : stages.get(0).width());
    }
    return new NetworkSpec(name, input, stem, block, stages, relu(root.get("relu")));
  }

  private static InputShape input(JsonNode n) {
    checkFields(n, "input", Set.of("channels", "height", "width", "classes"));
    return new InputShape(integer(n, "channels", "input.channels"), integer(n, "height", "input.height"),
        integer(n, "width", "input.width"), integer(n, "classes", "input.classes"));
  }

  private static List<StageSpec> stages(JsonNode root) {
    List<StageSpec> stages = new ArrayList<>();
    if (root.has("stages")) {
      if (root.has("base_width") || root.has("phi") || root.has("factors")) {
        throw new SpecException("give either stages or base_width/phi/factors, not both");
      }
      JsonNode list = root.get("stages");
      if (!list.isArray() || list.isEmpty()) {
        throw new SpecException("stages must be a non-empty list of {phi, width}, was " + list);
      }
      for (int i = 0; i < list.size(); i++) {
        String path = "stages[" + i + "]";
        JsonNode s = list.get(i);
        checkFields(s, path, Set.of("phi", "width"));
        stages.add(StageSpec.checked(i, integer(s, "phi", path + ".phi"), integer(s, "width", path + ".width")));
      }
      return stages;
    }
    if (!root.has("base_width") || !root.has("phi")) {
      throw new SpecException("stages is missing: give stages [{phi, width}, ...] or base_width, phi and factors");
    }
    int m = integer(root, "base_width", "base_width");
    SpecException.require(m >= 1, "base_width", ">= 1", m);
    int[] phi = ints(root.get("phi"), "phi");
    int[] f = root.has("factors") ? ints(root.get("factors"), "factors") : new int[0];
    if (f.length != phi.length - 1) {
      throw new SpecException("factors must have " + (phi.length - 1) + " entries for " + phi.length
          + " stages, had " + f.length);
    }
    long width = m;
    for (int i = 0; i < phi.length; i++) {
      if (i > 0) {
        SpecException.require(f[i - 1] >= 1, "factors[" + (i - 1) + "]", ">= 1", f[i - 1]);
        width *= f[i - 1];
      }
      SpecLimits.requireRange(width, 1, SpecLimits.MAX_WIDTH, "stages[" + i + "].width");
      stages.add(StageSpec.checked(i, phi[i], (int) width));
    }
    return stages;
  }

  private static TreeMap<ReluAddress, ReluMode> relu(JsonNode n) {
    TreeMap<ReluAddress, ReluMode> modes = new TreeMap<>();
    if (n == null || n.isNull()) {
      return modes;
    }
    if (!n.isObject()) {
      throw new SpecException("relu must be a mapping from ReLU address to mode, was " + n);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "relu." + e.getKey();
      ReluAddress a = ReluAddress.parse(e.getKey(), path);
      if (!e.getValue().isTextual()) {
        throw new SpecException(path + " must be a mode string (full, identity, partial:<f>, reuse:<r>), was "
            + e.getValue());
      }
      modes.put(a, ReluMode.parse(e.getValue().asText(), path));
    }
    return modes;
  }

  private static void checkFields(JsonNode n, String path, Set<String> allowed) {
    if (!n.isObject()) {
      throw new SpecException((path.isEmpty() ? "the spec" : path) + " must be a mapping, was " + n);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new SpecException("unknown field '" + f + "'" + (path.isEmpty() ? "" : " in " + path) + ": expected "
            + String.join(", ", sorted(allowed)));
      }
    }
  }

  private static String text(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(path + " is missing");
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new SpecException(path + " must be a non-empty string, was " + v);
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new SpecException(path + " is missing");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new SpecException(path + " must be an integer, was " + v);
    }
    return v.asInt();
  }

  private static int[] ints(JsonNode v, String path) {
    if (v == null || !v.isArray()) {
      throw new SpecException(path + " must be a list of integers, was " + v);
    }
    int[] out = new int[v.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = v.get(i);
      if (!e.isIntegralNumber() || !e.canConvertToInt()) {
        throw new SpecException(path + "[" + i + "] must be an integer, was " + e);
      }
      out[i] = e.asInt();
    }
    return out;
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
