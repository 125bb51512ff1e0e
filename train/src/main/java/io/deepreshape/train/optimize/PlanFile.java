package io.deepreshape.train.optimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.spec.SpecIo;
import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@value #NAME} (JSON, format {@value #FORMAT}) atomically in an optimize run directory.
 * A plan of an imported network has no {@code spec}: its reduced network is the run's {@code graph.json}.
 */
public final class PlanFile {
  public static final String NAME = "plan.json";
  public static final String FORMAT = "deepreshape-optimize-plan/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanFile() {}

  public static boolean exists(Path runDir) {
    return Files.isRegularFile(runDir.resolve(NAME));
  }

  /** Writes the plan (temporary file, then rename). */
  public static void write(Path runDir, OptimizationPlan plan) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("method", plan.method().key());
    root.put("teacher_run", plan.teacherRun());
    root.put("budget", plan.budget());
    root.put("order", plan.order());
    root.put("order_source", plan.orderSource());
    root.put("description", plan.description());
    root.put("relus", plan.relus());
    if (plan.spec() != null) {
      root.set("spec", SpecIo.toTree(plan.spec()));
    }
    root.set("details", plan.details() == null ? JSON.createObjectNode() : plan.details());
    Files.createDirectories(runDir);
    AtomicFiles.writeString(runDir.resolve(NAME), JSON.writeValueAsString(root) + "\n");
  }

  public static OptimizationPlan read(Path runDir) throws IOException {
    Path f = runDir.resolve(NAME);
    JsonNode root = JSON.readTree(f.toFile());
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IOException(f + " is not an optimize plan (format " + FORMAT + ")");
    }
    JsonNode details = root.path("details");
    return new OptimizationPlan(Method.parse(root.path("method").asText()), root.path("teacher_run").asText(),
        root.path("budget").asLong(), root.path("order").asText(), root.path("order_source").asText(),
        root.path("description").asText(),
        root.hasNonNull("spec") ? SpecIo.parse(JSON.writeValueAsString(root.get("spec")), true) : null,
        root.path("relus").asLong(), details.isObject() ? (ObjectNode) details : JSON.createObjectNode());
  }

  /** A new, empty details object. */
  public static ObjectNode details() {
    return JSON.createObjectNode();
  }
}
