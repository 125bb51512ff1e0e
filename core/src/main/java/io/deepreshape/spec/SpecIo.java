package io.deepreshape.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.deepreshape.error.UserInputException;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.io.StrictTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes network specs as JSON or YAML (chosen by file extension: {@code .json}, or
 * {@code .yaml}/{@code .yml}). Writing gives the canonical form, which reads back to an equal spec.
 * Errors name the file, the field path and what was expected.
 */
public final class SpecIo {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private SpecIo() {}

  /** Reads a spec file; every problem becomes a {@link SpecException} whose message starts with the file name. */
  public static NetworkSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException("spec file " + file + " does not exist");
    } catch (IOException e) {
      throw new SpecException("cannot read spec file " + file + ": " + e.getMessage());
    }
    try {
      return parse(text, isJson(file));
    } catch (SpecException e) {
      throw new SpecException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses spec text, JSON when {@code json} is true, YAML otherwise (YAML also accepts JSON). */
  public static NetworkSpec parse(String text, boolean json) {
    JsonNode root;
    try {
      root = StrictTrees.read(text, json);
    } catch (UserInputException e) {
      throw new SpecException(e.getMessage(), e);
    }
    return SpecReader.spec(root);
  }

  /** Canonical JSON text of {@code spec}. */
  public static String toJson(NetworkSpec spec) {
    return write(JSON, spec);
  }

  /** Canonical YAML text of {@code spec}. */
  public static String toYaml(NetworkSpec spec) {
    return write(YAML, spec);
  }

  /** Writes {@code spec} atomically (temp file, then rename), as JSON or YAML by extension. */
  public static void write(NetworkSpec spec, Path file) throws IOException {
    AtomicFiles.writeString(file, isJson(file) ? toJson(spec) : toYaml(spec));
  }

  /** The canonical tree of {@code spec}. */
  public static ObjectNode toTree(NetworkSpec spec) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", spec.name());
    ObjectNode in = root.putObject("input");
    in.put("channels", spec.input().channels());
    in.put("height", spec.input().height());
    in.put("width", spec.input().width());
    in.put("classes", spec.input().classes());
    ObjectNode stem = root.putObject("stem");
    stem.put("type", spec.stem().type().key());
    stem.put("channels", spec.stem().channels());
    root.put("block", spec.block().key());
    ArrayNode stages = root.putArray("stages");
    for (StageSpec s : spec.stages()) {
      ObjectNode n = stages.addObject();
      n.put("phi", s.phi());
      n.put("width", s.width());
    }
    if (!spec.relu().isEmpty()) {
      ObjectNode relu = root.putObject("relu");
      for (Map.Entry<ReluAddress, ReluMode> e : spec.relu().entrySet()) {
        relu.put(e.getKey().toString(), e.getValue().text());
      }
    }
    return root;
  }

  private static String write(ObjectMapper mapper, NetworkSpec spec) {
    try {
      return mapper.writeValueAsString(toTree(spec));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise spec " + spec.name(), e);
    }
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase().endsWith(".json");
  }
}
