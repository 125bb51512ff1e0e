package io.deepreshape.latency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a profile in the YAML form {@link Profiles} reads, after comment lines. */
public final class ProfileYaml {
  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private ProfileYaml() {}

  public static String write(Profile p, List<String> comments) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", p.name());
    root.put("description", p.description());
    root.put("garbler", p.garbler());
    Map<String, Object> constants = new LinkedHashMap<>();
    // in the profile's own order: a fit names its method on its first constant and says "same fit" after
    p.constants().entrySet()
        .forEach(e -> {
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("value", e.getValue().value());
          c.put("source", e.getValue().source());
          constants.put(e.getKey(), c);
        });
    root.put("constants", constants);
    List<Map<String, Object>> points = new ArrayList<>();
    for (CalibrationPoint c : p.calibration()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("preset", c.preset());
      m.put("dataset", c.dataset());
      m.put("offline_s", c.offlineSeconds());
      m.put("online_s", c.onlineSeconds());
      m.put("source", c.source());
      if (c.heldOut()) {
        m.put("held_out", true);
      }
      points.add(m);
    }
    root.put("calibration", points);
    StringBuilder sb = new StringBuilder();
    comments.forEach(line -> sb.append("# ").append(line).append('\n'));
    try {
      return sb.append(YAML.writeValueAsString(root)).toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("profile " + p.name() + " cannot be written as YAML", e);
    }
  }
}
