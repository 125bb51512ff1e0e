package io.deepreshape.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deepreshape.error.UserInputException;
import io.deepreshape.io.StrictTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Loads built-in profiles and network settings from resources, or a user's profile file. */
public final class Profiles {
  /** Built-in profile names; the first is the default. */
  public static final List<String> BUILT_IN = List.of("he-gc", "he-gc-client-garbler", "relu-only", "measured");
  public static final String DEFAULT_NETWORK = "loopback";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Profiles() {}

  /** The default profile: he-gc, server garbler. */
  public static Profile defaultProfile() {
    return load("he-gc");
  }

  /** A built-in profile by name, or a YAML/JSON profile file by path. */
  public static Profile load(String nameOrFile) {
    if (BUILT_IN.contains(nameOrFile)) {
      try (InputStream in = Profiles.class.getResourceAsStream(nameOrFile + ".yaml")) {
        if (in == null) {
          throw new IllegalStateException("built-in profile " + nameOrFile + " is missing from the build");
        }
        return parse(YAML.readTree(in), "built-in profile " + nameOrFile);
      } catch (IOException e) {
        throw new IllegalStateException("built-in profile " + nameOrFile + " is unreadable", e);
      }
    }
    Path file = Path.of(nameOrFile);
    if (!Files.isRegularFile(file)) {
      throw new ProfileException("unknown profile '" + nameOrFile + "': expected one of " + String.join(", ", BUILT_IN)
          + " or a readable profile file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProfileException("cannot read profile file " + file + ": " + e.getMessage());
    }
    try {
      return parse(StrictTrees.read(text, false), "profile file " + file);
    } catch (ProfileException e) {
      throw e;
    } catch (UserInputException e) {
      throw new ProfileException("profile file " + file + " is " + e.getMessage());
    }
  }

  /** A named network setting: loopback (default), lan or wan. */
  public static NetworkSetting network(String name) {
    try (InputStream in = Profiles.class.getResourceAsStream("networks.yaml")) {
      JsonNode root = YAML.readTree(in);
      JsonNode n = root.get(name);
      if (n == null) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        throw new ProfileException("unknown network '" + name + "': expected one of " + String.join(", ", names));
      }
      return new NetworkSetting(name, n.get("up_mbps").asDouble(), n.get("down_mbps").asDouble(),
          n.get("rtt_ms").asDouble(), n.get("source").asText());
    } catch (IOException e) {
      throw new IllegalStateException("built-in network settings are unreadable", e);
    }
  }

  static Profile parse(JsonNode root, String where) {
    if (root == null || !root.isObject()) {
      throw new ProfileException(where + " must be a mapping with name, constants and calibration");
    }
    String name = root.path("name").asText("");
    if (name.isBlank()) {
      throw new ProfileException(where + ": name is missing");
    }
    JsonNode cs = root.get("constants");
    if (cs == null || !cs.isObject()) {
      throw new ProfileException(where + ": constants must be a mapping of name -> {value, source}");
    }
    Map<String, Constant> constants = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue().get("value");
      String source = e.getValue().path("source").asText("");
      if (v == null || !v.isNumber() || v.asDouble() < 0) {
        throw new ProfileException(where + ": constants." + e.getKey() + ".value must be a number >= 0, was " + v);
      }
      if (source.isBlank()) {
        throw new ProfileException(where + ": constants." + e.getKey() + ".source must say where the value comes from");
      }
      if (!Profile.REQUIRED.contains(e.getKey()) && !Profile.OPTIONAL.containsKey(e.getKey())) {
        throw new ProfileException(where + ": constants." + e.getKey() + " is not a constant of the model: expected "
            + String.join(", ", Profile.REQUIRED) + " or " + String.join(", ", new TreeSet<>(
                Profile.OPTIONAL.keySet())));
      }
      if (e.getKey().equals("he_poly_degree") && (v.asDouble() < 16 || v.asDouble() > (1 << 20)
          || Integer.bitCount(v.asInt()) != 1 || v.asDouble() != v.asInt())) {
        throw new ProfileException(where + ": constants.he_poly_degree must be a power of two from 16 to 2^20, was "
            + v);
      }
      constants.put(e.getKey(), new Constant(v.asDouble(), source));
    }
    for (String required : Profile.REQUIRED) {
      if (!constants.containsKey(required)) {
        throw new ProfileException(where + ": constants." + required + " is missing");
      }
    }
    List<CalibrationPoint> points = new ArrayList<>();
    for (JsonNode p : root.path("calibration")) {
      points.add(new CalibrationPoint(p.path("preset").asText(), p.path("dataset").asText(),
          p.path("offline_s").asDouble(), p.path("online_s").asDouble(), p.path("source").asText(),
          p.path("held_out").asBoolean(false)));
    }
    return new Profile(name, root.path("description").asText(""), root.path("garbler").asText("server"), constants,
        points);
  }
}
