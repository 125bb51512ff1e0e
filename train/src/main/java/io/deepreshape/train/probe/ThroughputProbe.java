package io.deepreshape.train.probe;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.optim.LearningRateSchedule;
import io.deepreshape.train.optim.SgdOptimizer;
import io.deepreshape.train.probe.ProcessMemory;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.ModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.trainer.SeedMixer;
import io.deepreshape.train.trainer.StepTimings;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainStep;
import java.util.Locale;
import java.util.Random;

/**
 * Measures training throughput of a model on random data: images/s of full training steps (the
 * trainer's own step code: schedule, seeding, transfer, forward/backward, SGD, bookkeeping) and the
 * share of step time spent outside forward/backward/optimizer. Also reports native (RSS) and heap
 * memory before and after, to check that memory stays flat.
 *
 * <p>Usage: {@code ThroughputProbe FACTORY_CLASS [--batch N] [--steps N] [--warmup N]} where the
 * factory class implements {@link ModelFactory} and has a public no-argument constructor.
 */
public final class ThroughputProbe {
  /**
   * Results of a probe.
   *
   * @param device the device the steps ran on
   * @param batchSize images per step
   * @param steps measured steps (after warm-up)
   * @param imagesPerSecond training images per second of wall time
   * @param millisPerStep wall milliseconds per step
   * @param computeShare share of wall time in forward+loss+backward
   * @param optimizerShare share of wall time in the SGD update
   * @param transferShare share of wall time copying host batches to the device
   * @param outsideShare share of wall time outside forward/backward/optimizer
   * @param rssBeforeBytes resident set size after warm-up
   * @param rssAfterBytes resident set size after the measured steps
   * @param rssPeakFirstHalfBytes largest resident set size sampled in the first half of the steps
   * @param rssPeakSecondHalfBytes largest resident set size sampled in the second half
   * @param heapBeforeBytes used heap after warm-up
   * @param heapAfterBytes used heap after the measured steps
   * @param managedArraysBefore arrays held by the model's manager after warm-up
   * @param managedArraysAfter arrays held by the model's manager after the measured steps
   */
  public record Report(
      String device,
      int batchSize,
      int steps,
      double imagesPerSecond,
      double millisPerStep,
      double computeShare,
      double optimizerShare,
      double transferShare,
      double outsideShare,
      long rssBeforeBytes,
      long rssAfterBytes,
      long rssPeakFirstHalfBytes,
      long rssPeakSecondHalfBytes,
      long heapBeforeBytes,
      long heapAfterBytes,
      int managedArraysBefore,
      int managedArraysAfter) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "device %s batch %d steps %d: %.1f images/s, %.1f ms/step; forward+backward %.1f%%,"
              + " optimizer %.1f%%, transfer %.1f%%, outside forward/backward/optimizer %.1f%%;"
              + " RSS %.1f -> %.1f MiB (peak first half %.1f, second half %.1f),"
              + " heap %.1f -> %.1f MiB, managed arrays %d -> %d",
          device, batchSize, steps, imagesPerSecond, millisPerStep, 100 * computeShare,
          100 * optimizerShare, 100 * transferShare, 100 * outsideShare, mib(rssBeforeBytes),
          mib(rssAfterBytes), mib(rssPeakFirstHalfBytes), mib(rssPeakSecondHalfBytes),
          mib(heapBeforeBytes), mib(heapAfterBytes), managedArraysBefore,
          managedArraysAfter);
    }

    private static double mib(long bytes) {
      return bytes / (1024.0 * 1024.0);
    }
  }

  private ThroughputProbe() {}

  /** Runs {@code warmup} then {@code steps} training steps of batch {@code batchSize}. */
  public static Report measure(ModelFactory factory, int batchSize, int warmup, int steps,
      Device device) {
    TrainConfig config = TrainConfig.builder().epochs(1).batchSize(batchSize).build();
    try (ModelHandle model = ModelHandle.create(factory, device, config.seed())) {
      Shape input = factory.inputShape();
      int classes = Math.toIntExact(
          model.block().getOutputShapes(new Shape[] {input})[0].get(1));
      HostBatch[] batches = randomBatches(input, batchSize, classes, 4);
      SgdOptimizer optimizer = SgdOptimizer.of(config);
      TrainStep step = new TrainStep(model, optimizer, null, config);
      LearningRateSchedule schedule = new LearningRateSchedule(config, warmup + steps);
      StepTimings timings = new StepTimings();
      for (int i = 0; i < warmup; i++) {
        oneStep(step, batches[i % batches.length], schedule, i, timings);
      }
      long rssBefore = ProcessMemory.residentBytes();
      long heapBefore = ProcessMemory.usedHeapBytes();
      int arraysBefore = model.manager().getManagedArrays().size();
      timings.reset();
      long[] peaks = {rssBefore, rssBefore};
      int sampleEvery = Math.max(1, steps / 20);
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        oneStep(step, batches[i % batches.length], schedule, warmup + i, timings);
        if ((i + 1) % sampleEvery == 0) {
          int half = 2 * i < steps ? 0 : 1;
          peaks[half] = Math.max(peaks[half], ProcessMemory.residentBytes());
        }
      }
      long wall = System.nanoTime() - start;
      long rssAfter = ProcessMemory.residentBytes();
      long heapAfter = ProcessMemory.usedHeapBytes();
      int arraysAfter = model.manager().getManagedArrays().size();
      double w = wall;
      return new Report(device.toString(), batchSize, steps,
          (double) batchSize * steps / (wall / 1e9), wall / 1e6 / Math.max(1, steps),
          timings.computeNanos() / w, timings.optimizerNanos() / w, timings.transferNanos() / w,
          (wall - timings.computeNanos() - timings.optimizerNanos()) / w, rssBefore, rssAfter,
          peaks[0], peaks[1], heapBefore, heapAfter, arraysBefore, arraysAfter);
    }
  }

  private static void oneStep(TrainStep step, HostBatch batch, LearningRateSchedule schedule,
      long globalStep, StepTimings timings) {
    double lr = schedule.rate(globalStep);
    Engine.getInstance().setRandomSeed(SeedMixer.intSeed(0, globalStep));
    TrainStep.Outcome outcome = step.run(batch, lr, timings);
    if (!outcome.updated()) {
      throw new IllegalStateException("loss diverged in the probe: " + outcome.loss());
    }
  }

  private static HostBatch[] randomBatches(Shape input, int batchSize, int classes, int count) {
    int c = Math.toIntExact(input.get(1));
    int h = Math.toIntExact(input.get(2));
    int wd = Math.toIntExact(input.get(3));
    Random random = new Random(1);
    HostBatch[] batches = new HostBatch[count];
    for (int b = 0; b < count; b++) {
      float[] data = new float[batchSize * c * h * wd];
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) random.nextGaussian();
      }
      int[] labels = new int[batchSize];
      for (int i = 0; i < batchSize; i++) {
        labels[i] = random.nextInt(classes);
      }
      batches[b] = new HostBatch(data, labels, batchSize, c, h, wd);
    }
    return batches;
  }

  /** Command-line entry; prints one report line to standard output. */
  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length < 1) {
      System.err.println(
          "usage: ThroughputProbe FACTORY_CLASS [--batch N] [--steps N] [--warmup N]");
      System.exit(2);
    }
    int batch = 128;
    int steps = 50;
    int warmup = 5;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--batch" -> batch = Integer.parseInt(args[i + 1]);
        case "--steps" -> steps = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ModelFactory factory = (ModelFactory) Class.forName(args[0]).getDeclaredConstructor()
        .newInstance();
    System.out.println(measure(factory, batch, warmup, steps, DeviceSelector.select()));
  }
}
