package io.deepreshape.train.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.checkpoint.RunFileJson;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The files of one training run: {@code config.json}, {@code metrics.jsonl} (one JSON object per
 * finished epoch), {@code checkpoint.bin} (latest checkpoint) and {@code final.params} (the
 * trained parameters in DJL's block format). Every file is replaced atomically.
 */
public final class RunDirectory {
  public static final String CONFIG = "config.json";
  public static final String METRICS = "metrics.jsonl";
  public static final String CHECKPOINT = "checkpoint.bin";
  public static final String FINAL_PARAMS = "final.params";

  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path configFile() {
    return root.resolve(CONFIG);
  }

  public Path metricsFile() {
    return root.resolve(METRICS);
  }

  public Path checkpointFile() {
    return root.resolve(CHECKPOINT);
  }

  public Path finalParamsFile() {
    return root.resolve(FINAL_PARAMS);
  }

  public boolean hasCheckpoint() {
    return Files.isRegularFile(checkpointFile());
  }

  public void writeConfig(TrainConfig config) throws IOException {
    String json = RunFileJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    AtomicFiles.writeString(configFile(), json + "\n");
  }

  public TrainConfig readConfig() throws IOException {
    Path file = configFile();
    if (!Files.isRegularFile(file)) {
      throw new IOException("no " + CONFIG + " in run directory " + root);
    }
    try {
      return RunFileJson.MAPPER.readValue(file.toFile(), TrainConfig.class);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The fields of config.json that {@code given} would change, each as {@code "name: recorded -> given"},
   * in file order; empty when the run was trained with {@code given}.
   */
  public List<String> configChanges(TrainConfig given) throws IOException {
    JsonNode recorded = RunFileJson.MAPPER.valueToTree(readConfig());
    JsonNode wanted = RunFileJson.MAPPER.valueToTree(given);
    List<String> changes = new ArrayList<>();
    for (Iterator<String> it = recorded.fieldNames(); it.hasNext();) {
      String field = it.next();
      if (!recorded.get(field).equals(wanted.get(field))) {
        changes.add(field + ": " + recorded.get(field) + " -> " + wanted.get(field));
      }
    }
    return changes;
  }

  /** Writes any text file of the run (e.g. the network spec) atomically. */
  public void writeText(String name, String text) throws IOException {
    AtomicFiles.writeString(root.resolve(name), text);
  }

  /** All metric lines, in file order. */
  public List<EpochMetrics> readMetrics() throws IOException {
    List<EpochMetrics> metrics = new ArrayList<>();
    Path file = metricsFile();
    if (!Files.exists(file)) {
      return metrics;
    }
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        metrics.add(RunFileJson.MAPPER.readValue(line, EpochMetrics.class));
      } catch (JsonProcessingException e) {
        throw new IOException(file + " line " + lineNumber + ": " + e.getOriginalMessage(), e);
      }
    }
    return metrics;
  }

  /** Rewrites the metrics file with {@code metrics}, one JSON object per line. */
  public void writeMetrics(List<EpochMetrics> metrics) throws IOException {
    StringBuilder text = new StringBuilder();
    for (EpochMetrics m : metrics) {
      text.append(toJson(m)).append('\n');
    }
    AtomicFiles.writeString(metricsFile(), text.toString());
  }

  /** Appends one epoch's line (the whole file is rewritten atomically). */
  public void appendMetrics(EpochMetrics line) throws IOException {
    List<EpochMetrics> metrics = readMetrics();
    metrics.add(line);
    writeMetrics(metrics);
  }

  /** Drops metric lines of epochs after {@code lastEpoch} (1-based), e.g. when resuming. */
  public void truncateMetrics(int lastEpoch) throws IOException {
    List<EpochMetrics> metrics = readMetrics();
    List<EpochMetrics> kept = new ArrayList<>();
    for (EpochMetrics m : metrics) {
      if (m.epoch() <= lastEpoch) {
        kept.add(m);
      }
    }
    if (kept.size() != metrics.size()) {
      writeMetrics(kept);
    }
  }

  private static String toJson(EpochMetrics m) {
    try {
      return RunFileJson.MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
