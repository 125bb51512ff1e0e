package io.deepreshape.cli.pipeline;

import io.deepreshape.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.run.DataSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns finished run directories into report rows, and tells whether a run is finished. */
final class Results {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Results() {}

  static TrainedNetwork of(String method, NetworkSpec spec, long budget, Path run, Path out, DataSettings data,
      Profile profile, NetworkSetting network) throws IOException {
    NetworkCost cost = Accounting.of(spec);
    return new TrainedNetwork(spec.name(), method, budget, cost.relus(), cost.flops(), cost.params(),
        LatencyModel.estimate(cost, profile, network).totalS(), lastTop1(run),
        out.relativize(run.resolve("spec.yaml").toAbsolutePath().normalize()).toString(),
        out.relativize(run.toAbsolutePath().normalize()).toString());
  }

  static double lastTop1(Path run) throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl")).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException(run + " has no metrics");
    }
    JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
    return last.get("test_top1").asDouble();
  }

  static void write(List<TrainedNetwork> trained, Path file) throws IOException {
    AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(trained)));
  }
}
