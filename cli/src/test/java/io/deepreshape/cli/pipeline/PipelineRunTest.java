package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.CliRun;
import io.deepreshape.spec.SpecIo;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.data.SyntheticDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny pipeline end to end on the synthetic set: equal epochs, the design's choice on validation, every
 * optimization on every input network, measured latency; run again, every unit is skipped; run on a copy
 * whose test labels are shuffled, it makes exactly the same choices.
 */
class PipelineRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path pipeline(String name, Path data, String latency) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, """
        name: %s
        dataset: synthetic
        data: %s
        validation: 32
        baseline: basech:4
        budgets: [15000]
        methods: [deepreduce]
        inputs: [baseline, hybrenet]
        train: {epochs: 2, batch_size: 32, lr: 0.05}
        finetune: {epochs: 1, lr: 0.02}
        hybrenet: {widths: [4], f_max: 8, top_k: 2}
        latency: %s
        """.formatted(name, data, latency));
    return file;
  }

  @Test
  void runsTheFairProtocolEndToEndContinuesWithoutRedoingWorkAndNeverChoosesOnTheTestSplit() throws Exception {
    Path data = dir.resolve("data");
    SyntheticDataset.generate(new SyntheticConfig(10, 320, 100, 32, 42), data);
    Path file = pipeline("tiny", data, "measured");
    Path out = dir.resolve("out");
    CliRun first = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path report = out.resolve("report/report.html");
    assertThat(first.out().strip().lines().reduce((a, b) -> b).orElse("")).isEqualTo(report.toString());

    JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(results).extracting(n -> n.get("method").asText() + "/" + n.get("input").asText())
        .containsExactly("baseline/baseline", "hybrenet/hybrenet", "deepreduce/baseline", "deepreduce/hybrenet");
    for (JsonNode n : results) {
      // every row's ReLUs are the accounting's of the spec its run trained
      long relus = Accounting.of(SpecIo.read(out.resolve(n.get("spec").asText()))).relus();
      assertThat(n.get("relus").asLong()).isEqualTo(relus);
      if (n.get("budget").asLong() > 0) {
        assertThat(relus).isLessThanOrEqualTo(15_000);
      }
      // every final network trained the same 2 epochs from random initialisation, counted from its files
      assertThat(n.get("epochs").asInt()).as(n.toString()).isEqualTo(2);
      assertThat(n.get("measured_latency_s").asDouble()).isPositive();
      assertThat(n.get("top1").asDouble()).isBetween(0.0, 1.0);
      assertThat(n.get("val_top1").asDouble()).isBetween(0.0, 1.0);
    }
    JsonNode choices = JSON.readTree(out.resolve("choices.json").toFile());
    JsonNode at = choices.get("budgets").get(0);
    assertThat(at.get("candidates")).hasSize(2);
    JsonNode kept = at.get("candidates").get(at.get("chosen").asInt());
    for (JsonNode cand : at.get("candidates")) {
      assertThat(kept.get("val_top1").asDouble()).isGreaterThanOrEqualTo(cand.get("val_top1").asDouble());
    }
    assertThat(results.get(1).get("run").asText()).isEqualTo(kept.get("run").asText());
    String html = Files.readString(report);
    assertThat(html).contains("At iso-ReLU (15,000 ReLUs budget)").contains("data:image/png;base64,")
        .contains(results.get(1).get("label").asText()).contains("Network selection at 15,000 ReLUs")
        .contains("every network is trained 2 epochs counted from random initialisation")
        .contains("PI latency measured on the engine").contains("32 training images held out");
    assertThat(out.resolve("report/networks.csv")).exists();
    assertThat(out.resolve("report/report.md")).content().contains("![training-curves.png](training-curves.png)");

    CliRun second = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("done, skipped").doesNotContain("training ");
    assertThat(JSON.readTree(out.resolve("results.json").toFile())).isEqualTo(results);

    Path shuffled = shuffledTestLabels(data, dir.resolve("shuffled"));
    Path outShuffled = dir.resolve("out-shuffled");
    CliRun third = CliRun.of("run", pipeline("tiny", shuffled, "estimated").toString(), "--out",
        outShuffled.toString(), "--quiet");
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(JSON.readTree(outShuffled.resolve("choices.json").toFile())).isEqualTo(choices);
    JsonNode again = JSON.readTree(outShuffled.resolve("results.json").toFile());
    List<Boolean> testChanged = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      assertThat(again.get(i).get("run")).isEqualTo(results.get(i).get("run"));
      assertThat(again.get(i).get("val_top1")).isEqualTo(results.get(i).get("val_top1"));
      testChanged.add(again.get(i).get("top1").asDouble() != results.get(i).get("top1").asDouble());
    }
    assertThat(testChanged).as("the shuffled test labels reached the test scores").contains(true);
  }

  /** A copy of the synthetic set whose test records keep their images and get each other's labels. */
  private static Path shuffledTestLabels(Path data, Path copy) throws IOException {
    Files.createDirectories(copy);
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path test = copy.resolve("test_batch.bin");
    byte[] bytes = Files.readAllBytes(test);
    int record = 1 + 3 * 32 * 32;
    List<Byte> labels = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += record) {
      labels.add(bytes[i]);
    }
    Collections.shuffle(labels, new Random(1));
    for (int i = 0, k = 0; i < bytes.length; i += record, k++) {
      bytes[i] = labels.get(k);
    }
    Files.write(test, bytes);
    return copy;
  }
}
