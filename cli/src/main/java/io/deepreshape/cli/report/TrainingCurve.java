package io.deepreshape.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run's test top-1 (a fraction) after each epoch, read from its {@code metrics.jsonl}. */
public record TrainingCurve(String label, List<Integer> epochs, List<Double> testTop1) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public TrainingCurve {
    epochs = List.copyOf(epochs);
    testTop1 = List.copyOf(testTop1);
    if (epochs.size() != testTop1.size()) {
      throw new IllegalArgumentException("training curve " + label + ": " + epochs.size() + " epochs but "
          + testTop1.size() + " accuracies");
    }
  }

  /** Reads the epochs that have a test accuracy; an absent file gives an empty curve. */
  public static TrainingCurve read(String label, Path metricsJsonl) throws IOException {
    List<Integer> epochs = new ArrayList<>();
    List<Double> top1 = new ArrayList<>();
    if (Files.isRegularFile(metricsJsonl)) {
      for (String line : Files.readAllLines(metricsJsonl)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode m;
        try {
          m = JSON.readTree(line);
        } catch (IOException e) {
          throw new IOException(metricsJsonl + ": not a JSON line: " + line, e);
        }
        String key = m.hasNonNull("val_top1") ? "val_top1" : "test_top1";
        if (m.hasNonNull("epoch") && m.hasNonNull(key)) {
          epochs.add(m.get("epoch").asInt());
          top1.add(m.get(key).asDouble());
        }
      }
    }
    return new TrainingCurve(label, epochs, top1);
  }
}
