package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny networks trained on synthetic data by {@code train}, every block type and ReLU mode, through
 * {@code pi measure --run} (secure logits equal the quantised reference; float and quantised top-1
 * agree) and {@code pi serve --run} with {@code pi infer --data --index}.
 */
@Timeout(180)
class PiRunCommandTest {
  @TempDir
  Path dir;

  @Test
  void trainedRunsOfEveryBlockTypeAndReluModeMatchTheReference() throws Exception {
    Path data = synth();
    String[] specs = {
        "block: basic\nstem: {type: cifar, channels: 4}\nrelu: {s1.b1.r1: identity, "
            + "s1.b1.r2: 'partial:0.5', s2.b1.r1: 'reuse:3', s2.b1.r2: 'partial:channels=0,2-3'}",
        "block: bottleneck\nstem: {type: cifar, channels: 4}\nrelu: {s2.b1.r2: 'reuse:2'}",
        "block: wide\nstem: {type: wide, channels: 4}\nrelu: {head: 'partial:0.5', "
            + "s1.b1.r2: identity}"};
    for (int i = 0; i < specs.length; i++) {
      Path run = train(data, "net" + i, specs[i]);
      CliRun measured = CliRun.of("pi", "measure", "--run", run.toString(), "--verify", "--json",
          "--agreement", "1000", "--index", "3", "--in-process", "--no-progress");
      assertThat(measured.exitCode()).as(measured.err()).isZero();
      JsonNode o = new ObjectMapper().readTree(measured.out());
      assertThat(o.get("matches_reference").asBoolean()).as(specs[i]).isTrue();
      assertThat(o.get("weights").asText()).isEqualTo("trained");
      assertThat(o.get("agreement_images").asInt()).isEqualTo(40);
      double agreement = o.get("float_quantized_top1_agreement").asDouble();
      assertThat(agreement).isGreaterThanOrEqualTo(0.9);
      // The folded float program's accuracy is DJL's (eval) up to one near-tie image; the quantised
      // accuracy can differ from it only on the images where the two disagree.
      CliRun eval = CliRun.of("eval", "--run", run.toString(), "--json");
      assertThat(eval.exitCode()).as(eval.err()).isZero();
      double djlTop1 = new ObjectMapper().readTree(eval.out()).get("top1").asDouble();
      double floatTop1 = o.get("float_top1").asDouble();
      assertThat(floatTop1).as(specs[i]).isCloseTo(djlTop1, within(1.0 / 40 + 1e-9));
      assertThat(Math.abs(o.get("quantized_top1").asDouble() - floatTop1)).isLessThanOrEqualTo(1 - agreement + 1e-9);
    }
  }

  @Test
  void aTrainedRunIsServedAndQueriedWithADatasetImage() throws Exception {
    Path data = synth();
    Path run = train(data, "served", "block: basic\nstem: {type: cifar, channels: 4}");
    CliRun measured = CliRun.of("pi", "measure", "--run", run.toString(), "--json", "--index", "3",
        "--in-process", "--no-progress");
    assertThat(measured.exitCode()).as(measured.err()).isZero();
    int predicted = new ObjectMapper().readTree(measured.out()).get("predicted").asInt();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(() -> CliRun.of("pi",
        "serve", "--run", run.toString(), "--port", String.valueOf(port), "--sessions", "1"));
    CliRun infer = CliRun.of("pi", "infer", "--connect", "127.0.0.1:" + port, "--data",
        data.toString(), "--index", "3");
    for (int i = 0; i < 100 && infer.err().contains("cannot connect"); i++) {
      Thread.sleep(100);
      infer = CliRun.of("pi", "infer", "--connect", "127.0.0.1:" + port, "--data",
          data.toString(), "--index", "3");
    }
    assertThat(infer.exitCode()).as(infer.err()).isZero();
    assertThat(infer.out()).contains("class " + predicted);
    assertThat(server.get(60, TimeUnit.SECONDS).exitCode()).isZero();
  }

  private Path synth() {
    Path data = dir.resolve("data");
    if (!Files.isDirectory(data)) {
      CliRun synth = CliRun.of("dataset", "synth", "--out", data.toString(), "--train", "200",
          "--test", "40", "--size", "8", "--classes", "5");
      assertThat(synth.exitCode()).as(synth.err()).isZero();
    }
    return data;
  }

  /** Trains a two-stage network of {@code body} (block, stem, relu) for two short epochs. */
  private Path train(Path data, String name, String body) throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(spec, "name: " + name + "\ninput: {channels: 3, height: 8, width: 8, "
        + "classes: 5}\n" + body + "\nstages:\n- {phi: 1, width: 4}\n- {phi: 1, width: 8}\n");
    Path run = dir.resolve(name);
    CliRun train = CliRun.of("train", "--spec", spec.toString(), "--dataset", "synthetic",
        "--data", data.toString(), "--epochs", "2", "--batch-size", "32", "--out",
        run.toString(), "--quiet");
    assertThat(train.exitCode()).as(train.err()).isZero();
    return run;
  }
}
