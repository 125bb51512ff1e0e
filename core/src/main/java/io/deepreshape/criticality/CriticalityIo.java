package io.deepreshape.criticality;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.error.UserInputException;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.io.StrictTrees;
import io.deepreshape.spec.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the criticality file (JSON):
 *
 * <pre>{@code
 * {"format": "deepreshape-criticality/1", "network": "resnet18", "dataset": "cifar100",
 *  "linear_accuracy": 11.2,
 *  "stages": [{"stage": 1, "accuracy": 40.1, "score": 28.9}, ...],
 *  "order": [3, 2, 4, 1]}
 * }</pre>
 *
 * {@code score} and {@code order} are derived and written for readers; on reading they are optional,
 * and when present they must agree with the accuracies (within 1e-6), so a hand-edited file cannot
 * silently contradict itself.
 */
public final class CriticalityIo {
  public static final String FORMAT = "deepreshape-criticality/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CriticalityIo() {}

  public static CriticalityScores read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException("criticality file " + file + " does not exist");
    } catch (IOException e) {
      throw new SpecException("cannot read criticality file " + file + ": " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (SpecException e) {
      throw new SpecException(file + ": " + e.getMessage(), e);
    }
  }

  public static CriticalityScores parse(String text) {
    JsonNode root;
    try {
      root = StrictTrees.read(text, true);
    } catch (UserInputException e) {
      throw new SpecException("criticality file is " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SpecException("criticality file must be a JSON object with linear_accuracy and stages");
    }
    String format = root.path("format").asText(FORMAT);
    if (!FORMAT.equals(format)) {
      throw new SpecException("criticality format must be " + FORMAT + ", was " + format);
    }
    JsonNode stagesNode = root.path("stages");
    if (!stagesNode.isArray()) {
      throw new SpecException("criticality stages must be a list of {stage, accuracy}");
    }
    List<StageAccuracy> stages = new ArrayList<>();
    for (JsonNode s : stagesNode) {
      stages.add(new StageAccuracy(number(s, "stage", "stages[].stage").intValue(),
          number(s, "accuracy", "stages[].accuracy").doubleValue()));
    }
    CriticalityScores scores = new CriticalityScores(root.path("network").asText(""), root.path("dataset").asText(""),
        number(root, "linear_accuracy", "linear_accuracy").doubleValue(), stages);
    checkDerived(root, scores);
    return scores;
  }

  private static Number number(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isNumber()) {
      throw new SpecException("criticality " + path + " must be a number, was " + (n == null ? "missing" : n));
    }
    return n.numberValue();
  }

  private static void checkDerived(JsonNode root, CriticalityScores scores) {
    for (JsonNode s : root.path("stages")) {
      if (s.has("score")) {
        int k = s.get("stage").intValue();
        double expected = scores.score(k);
        if (Math.abs(s.get("score").asDouble() - expected) > 1e-6) {
          throw new SpecException("criticality stages[S" + k + "].score must equal accuracy - linear_accuracy = "
              + expected + ", was " + s.get("score").asDouble());
        }
      }
    }
    if (root.has("order")) {
      List<Integer> given = new ArrayList<>();
      root.get("order").forEach(n -> given.add(n.asInt()));
      List<Integer> derived = scores.order("file").stages();
      if (!given.equals(derived)) {
        throw new SpecException("criticality order must match the scores (most critical first: " + derived
            + "), was " + given);
      }
    }
  }

  public static String toJson(CriticalityScores scores) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("network", scores.network());
    root.put("dataset", scores.dataset());
    root.put("linear_accuracy", scores.linearAccuracy());
    ArrayNode stages = root.putArray("stages");
    for (StageAccuracy s : scores.stages()) {
      ObjectNode n = stages.addObject();
      n.put("stage", s.stage());
      n.put("accuracy", s.accuracy());
      n.put("score", scores.score(s.stage()));
    }
    ArrayNode order = root.putArray("order");
    scores.order("file").stages().forEach(order::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes atomically (temporary file, then rename). */
  public static void write(CriticalityScores scores, Path file) throws IOException {
    AtomicFiles.writeString(file, toJson(scores));
  }
}
