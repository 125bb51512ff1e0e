package io.deepreshape.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deepreshape.cli.UserException;
import io.deepreshape.error.UserInputException;
import io.deepreshape.io.StrictTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads a pipeline YAML file, naming the file and field of every problem. */
public final class PipelineFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP = Set.of("name", "dataset", "data", "synthetic", "subset", "validation",
      "baseline", "criticality", "budgets", "methods", "inputs", "hybrenet", "train", "finetune", "seeds", "profile",
      "network", "latency");

  private PipelineFile() {}

  public static PipelineConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserException("pipeline file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read pipeline file " + file + ": " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + e.getMessage(), e);
    }
  }

  public static PipelineConfig parse(String text) {
    JsonNode root = StrictTrees.read(text, false);
    if (root == null || !root.isObject()) {
      throw new UserInputException("a pipeline must be a mapping with fields " + TOP.stream().sorted().toList());
    }
    fields(root, "", TOP);
    JsonNode synth = sub(root, "synthetic", Set.of("train", "test"));
    JsonNode subset = sub(root, "subset", Set.of("train", "test"));
    JsonNode crit = sub(root, "criticality", Set.of("epochs"));
    JsonNode hyb = sub(root, "hybrenet", Set.of("widths", "f_max", "top_k"));
    JsonNode train = sub(root, "train", Set.of("epochs", "batch_size", "lr", "seed"));
    JsonNode fine = sub(root, "finetune", Set.of("epochs", "lr"));
    String dataset = text(root, "dataset", "synthetic");
    int synthTrain = integer(synth, "train", 2000, "synthetic.train");
    int trainSubset = integer(subset, "train", 0, "subset.train");
    return new PipelineConfig(
        text(root, "name", "pipeline"), dataset, root.hasNonNull("data") ? root.get("data").asText() : null,
        synthTrain, integer(synth, "test", 500, "synthetic.test"), trainSubset,
        integer(subset, "test", 0, "subset.test"),
        integer(root, "validation", PipelineConfig.defaultValidation(dataset, trainSubset, synthTrain), "validation"),
        text(root, "baseline", "resnet18"), integer(crit, "epochs", 0, "criticality.epochs"),
        longs(root.get("budgets"), "budgets"), strings(root.get("methods"), "methods", List.of("deepreduce")),
        strings(root.get("inputs"), "inputs", List.of("baseline", "hybrenet")),
        ints(hyb.get("widths"), "hybrenet.widths", List.of(8, 16)), integer(hyb, "f_max", 8, "hybrenet.f_max"),
        integer(hyb, "top_k", 3, "hybrenet.top_k"),
        integer(train, "epochs", 200, "train.epochs"), integer(fine, "epochs", 100, "finetune.epochs"),
        integer(train, "batch_size", 128, "train.batch_size"), number(train, "lr", 0.1, "train.lr"),
        number(fine, "lr", 0.05, "finetune.lr"), seeds(root, train),
        text(root, "profile", "he-gc"), text(root, "network", "loopback"), text(root, "latency", "measured"));
  }

  /** {@code seeds: [42, 43]}, or the older single {@code train.seed}; 42 when neither is given. */
  private static List<Long> seeds(JsonNode root, JsonNode train) {
    if (root.hasNonNull("seeds") && train.hasNonNull("seed")) {
      throw new UserInputException("give seeds or train.seed, not both");
    }
    if (root.hasNonNull("seeds")) {
      return longs(root.get("seeds"), "seeds");
    }
    return List.of((long) integer(train, "seed", 42, "train.seed"));
  }

  private static JsonNode sub(JsonNode root, String field, Set<String> allowed) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return YAML.createObjectNode();
    }
    fields(n, field, allowed);
    return n;
  }

  private static void fields(JsonNode n, String path, Set<String> allowed) {
    if (!n.isObject()) {
      throw new UserInputException(path + " must be a mapping, was " + n);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new UserInputException("unknown field '" + f + "'" + (path.isEmpty() ? "" : " in " + path)
            + ": expected " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode n, String f, String dflt) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isValueNode()) {
      throw new UserInputException(f + " must be a string, was " + v);
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String f, int dflt, String path) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new UserInputException(path + " must be an integer, was " + v);
    }
    return v.asInt();
  }

  private static double number(JsonNode n, String f, double dflt, String path) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new UserInputException(path + " must be a number, was " + v);
    }
    return v.asDouble();
  }

  private static List<Long> longs(JsonNode v, String path) {
    if (v == null || !v.isArray()) {
      throw new UserInputException(path + " must be a list of integers, e.g. [25000, 50000], was " + v);
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isIntegralNumber()) {
        throw new UserInputException(path + " must hold integers, had " + e);
      }
      out.add(e.asLong());
    }
    return out;
  }

  private static List<Integer> ints(JsonNode v, String path, List<Integer> dflt) {
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isArray()) {
      throw new UserInputException(path + " must be a list of integers, was " + v);
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.canConvertToInt() || !e.isIntegralNumber()) {
        throw new UserInputException(path + " must hold integers, had " + e);
      }
      out.add(e.asInt());
    }
    return out;
  }

  private static List<String> strings(JsonNode v, String path, List<String> dflt) {
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isArray()) {
      throw new UserInputException(path + " must be a list, was " + v);
    }
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }
}
