package io.deepreshape.cli.train;

import ai.djl.Device;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Table;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.SpecModelFactory;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.probe.ThroughputProbe;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code throughput train}: training throughput per network, first as raw train steps on random data, then
 * through the whole trainer with the real data pipeline (Fashion-MNIST loader, augmentation,
 * bookkeeping), so the pipeline's overhead shows as the ratio of the two.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Training throughput (images/s) on 1x28x28 inputs: raw steps on random data, the share of step "
        + "time outside forward/backward/optimizer, and the full trainer with the Fashion-MNIST pipeline when the "
        + "dataset is installed.")
public final class TrainThroughputCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", paramLabel = "NAME", description = "Networks (repeatable; default: basech:16, "
      + "hybrenet:16,5,5,3, resnet18).")
  List<String> presets = List.of("basech:16", "hybrenet:16,5,5,3", "resnet18");

  @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--steps", defaultValue = "20", description = "Measured steps per network (default: ${DEFAULT-VALUE}).")
  int steps;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Device device = DeviceSelector.select();
    boolean real = FashionMnist.isPresent(FashionMnist.DEFAULT_DIR);
    Table t = new Table("network", "raw img/s", "ms/step", "outside fwd/bwd/opt", "pipeline img/s", "pipeline/raw");
    for (String p : presets) {
      NetworkSpec net = Presets.build(p, Dataset.FASHION_MNIST);
      ThroughputProbe.Report raw = ThroughputProbe.measure(new SpecModelFactory(net), batch, 3, steps, device);
      String pipeline = "-";
      String ratio = "-";
      if (real) {
        double rate = pipelineRate(net);
        pipeline = String.format(Locale.ROOT, "%.0f", rate);
        ratio = String.format(Locale.ROOT, "%.2f", rate / raw.imagesPerSecond());
      }
      t.row(p, String.format(Locale.ROOT, "%.0f", raw.imagesPerSecond()),
          String.format(Locale.ROOT, "%.0f", raw.millisPerStep()),
          String.format(Locale.ROOT, "%.1f%%", 100 * raw.outsideShare()), pipeline, ratio);
    }
    out.print(t.render());
    out.println("device " + device + ", batch " + batch + ", " + steps + " measured steps; "
        + (real ? "pipeline = the trainer on Fashion-MNIST with crop+flip augmentation"
            : "Fashion-MNIST is not installed, so the pipeline column is empty (apt-get install dataset-fashion-mnist)"));
    out.flush();
    return ExitCodes.OK;
  }

  /** Images/s of the trainer's own measurement over {@code steps} steps of one epoch on real data. */
  private double pipelineRate(NetworkSpec net) throws IOException {
    Path dir = Files.createTempDirectory("deepreshape-throughput");
    try {
      DataSettings data = new DataSettings("fashion-mnist", null, batch * (steps + 3), 256, 1);
      TrainConfig config = TrainConfig.defaults().toBuilder().epochs(1).batchSize(batch).build();
      TrainResult r = TrainingRun.train(net, data, config, null, dir.resolve("run"),
          new ProgressLine(System.err, ProgressLine.Mode.OFF));
      EpochMetrics m = r.metrics().get(r.metrics().size() - 1);
      return m.imagesPerSecond();
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
