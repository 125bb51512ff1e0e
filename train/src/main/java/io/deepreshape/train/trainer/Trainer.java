package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.deepreshape.train.data.HostBatch;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains a model from a {@link ModelFactory} on an {@link EpochSource} with SGD, a per-step
 * learning-rate schedule and optional knowledge distillation, writing config, metrics, checkpoints
 * and final parameters into a {@link RunDirectory}. A run can be stopped ({@link #requestStop},
 * Ctrl-C) at a step boundary and {@linkplain #resume resumed} exactly.
 *
 * <p>Create with {@link #builder}; one trainer runs one run at a time on the calling thread (DJL
 * allows one gradient collector per JVM).
 */
public final class Trainer {
  private final ModelFactory factory;
  private final EpochSource train;
  private final EvalSource eval;
  private final Teacher teacher;
  private final TrainerListener listener;
  private final ProgressLine progress;
  private final boolean shutdownHook;
  private final Device device;
  private volatile StopSignal stop;

  private Trainer(Builder b) {
    this.factory = b.factory;
    this.train = b.train;
    this.eval = b.eval;
    this.teacher = b.teacher;
    this.listener = b.listener;
    this.progress = b.progress;
    this.shutdownHook = b.shutdownHook;
    this.device = b.device;
  }

  /** A builder for training the model of {@code factory} on {@code train}. */
  public static Builder builder(ModelFactory factory, EpochSource train) {
    return new Builder(factory, train);
  }

  /**
   * Starts a new run in {@code runDir} (created if needed; it must not hold a checkpoint yet):
   * writes config.json and an initial checkpoint, then trains all epochs.
   *
   * @throws TrainingDivergedException when the loss diverges (the last checkpoint is kept)
   */
  public TrainResult start(Path runDir, TrainConfig config) throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    if (run.hasCheckpoint()) {
      throw new IOException("run directory " + runDir + " already holds a checkpoint; resume it"
          + " or choose another directory");
    }
    Files.createDirectories(runDir);
    run.writeConfig(config);
    run.writeMetrics(List.of());
    int stepsPerEpoch = stepsPerEpoch(config);
    try (ModelHandle model = ModelHandle.create(factory, device, config.seed())) {
      SgdOptimizer optimizer = SgdOptimizer.of(config);
      CheckpointState initial =
          new CheckpointState(0, 0, 0, stepsPerEpoch, config.seed(), null, 0, 0, 0, 0, "start");
      CheckpointFile.write(run.checkpointFile(), initial, model, optimizer);
      return loop(run, config, model, optimizer, initial);
    }
  }

  /**
   * Continues the run in {@code runDir} from its checkpoint with the config stored there; metric
   * lines of epochs after the checkpoint are dropped and retrained.
   */
  public TrainResult resume(Path runDir) throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    if (!run.hasCheckpoint()) {
      throw new IOException("run directory " + runDir + " holds no " + RunDirectory.CHECKPOINT);
    }
    TrainConfig config = run.readConfig();
    CheckpointFile.Contents contents = CheckpointFile.read(run.checkpointFile());
    CheckpointState state = contents.state();
    int stepsPerEpoch = stepsPerEpoch(config);
    if (state.stepsPerEpoch() != stepsPerEpoch) {
      throw new IOException(String.format(Locale.ROOT,
          "checkpoint %s was written with %d steps per epoch but the data now gives %d;"
              + " resume needs the same dataset and batch size",
          run.checkpointFile(), state.stepsPerEpoch(), stepsPerEpoch));
    }
    run.truncateMetrics(state.completedEpochs());
    try (ModelHandle model = ModelHandle.create(factory, device, config.seed())) {
      model.loadParameters(new ByteArrayInputStream(contents.modelParameters()));
      SgdOptimizer optimizer = SgdOptimizer.of(config);
      optimizer.load(
          new DataInputStream(new ByteArrayInputStream(contents.optimizerState())), model.manager());
      return loop(run, config, model, optimizer, state);
    }
  }

  /** Asks the running loop to checkpoint at the next step boundary and return STOPPED. */
  public void requestStop() {
    StopSignal signal = stop;
    if (signal != null) {
      signal.request();
    }
  }

  private int stepsPerEpoch(TrainConfig config) {
    int batches = train.batchesPerEpoch();
    if (batches < 1) {
      throw new IllegalArgumentException("training source yields no batches per epoch");
    }
    return config.maxStepsPerEpoch() > 0 ? Math.min(batches, config.maxStepsPerEpoch()) : batches;
  }

  private TrainResult loop(RunDirectory run, TrainConfig config, ModelHandle model,
      SgdOptimizer optimizer, CheckpointState from) throws IOException {
    StopSignal signal = new StopSignal();
    if (shutdownHook) {
      signal.installHook();
    }
    stop = signal;
    try {
      return new Loop(run, config, model, optimizer, from, signal).run();
    } finally {
      stop = null;
      signal.finish();
    }
  }

  /** The state of one training loop invocation. */
  private final class Loop {
    private final RunDirectory run;
    private final TrainConfig config;
    private final ModelHandle model;
    private final SgdOptimizer optimizer;
    private final StopSignal signal;
    private final int stepsPerEpoch;
    private final LearningRateSchedule schedule;
    private final TrainStep step;
    private final StepTimings timings = new StepTimings();
    private int completedEpochs;
    private long globalStep;
    private Double bestTop1;
    private final CheckpointState resumeState;

    Loop(RunDirectory run, TrainConfig config, ModelHandle model, SgdOptimizer optimizer,
        CheckpointState from, StopSignal signal) {
      this.run = run;
      this.config = config;
      this.model = model;
      this.optimizer = optimizer;
      this.signal = signal;
      this.stepsPerEpoch = from.stepsPerEpoch();
      this.schedule = new LearningRateSchedule(config, stepsPerEpoch);
      this.step = new TrainStep(model, optimizer, teacher, config);
      this.completedEpochs = from.completedEpochs();
      this.globalStep = from.globalStep();
      this.bestTop1 = from.bestTop1();
      this.resumeState = from;
    }

    TrainResult run() throws IOException {
      while (completedEpochs < config.epochs()) {
        boolean resumingHere = completedEpochs == resumeState.completedEpochs();
        int startBatch = resumingHere ? resumeState.batchInEpoch() : 0;
        EpochAccumulator acc = resumingHere
            ? EpochAccumulator.restore(resumeState)
            : new EpochAccumulator();
        if (!runEpoch(startBatch, acc)) {
          return result(TrainResult.Status.STOPPED);
        }
      }
      if (!Files.isRegularFile(run.finalParamsFile())) {
        AtomicFiles.write(run.finalParamsFile(), model::saveParameters);
      }
      return result(TrainResult.Status.COMPLETED);
    }

    /** Trains the epoch in progress from {@code startBatch}; false if stopped on request. */
    private boolean runEpoch(int startBatch, EpochAccumulator acc) throws IOException {
      int epoch = completedEpochs;
      long epochStart = System.nanoTime();
      progress.startEpoch(epoch + 1, config.epochs(), stepsPerEpoch);
      double lr = schedule.rate(globalStep);
      long localStart = System.nanoTime();
      long localSamples = 0;
      try (CloseableIterator<HostBatch> batches = train.epoch(epoch, startBatch)) {
        for (int b = startBatch; b < stepsPerEpoch; b++) {
          if (signal.requested()) {
            acc.addSeconds((System.nanoTime() - localStart) / 1e9);
            writeCheckpoint(acc.state(epoch, b, globalStep, stepsPerEpoch, config.seed(), bestTop1,
                "stop"));
            progress.message("stopped at epoch " + (epoch + 1) + " batch " + b
                + "; checkpoint written to " + run.checkpointFile());
            return false;
          }
          if (!batches.hasNext()) {
            throw new IllegalStateException("training source ended after " + b
                + " batches of epoch " + (epoch + 1) + ", expected " + stepsPerEpoch);
          }
          HostBatch batch = batches.next();
          if (batch.size() > config.batchSize()) {
            throw new IllegalStateException("training batch of " + batch.size()
                + " images exceeds batch_size " + config.batchSize());
          }
          lr = schedule.rate(globalStep);
          Engine.getInstance().setRandomSeed(SeedMixer.intSeed(config.seed(), globalStep));
          TrainStep.Outcome outcome = step.run(batch, lr, timings);
          if (!outcome.updated()) {
            throw diverged(outcome.loss(), epoch, b);
          }
          globalStep++;
          acc.add(outcome);
          localSamples += outcome.samples();
          double elapsed = (System.nanoTime() - localStart) / 1e9;
          listener.onStep(epoch + 1, b + 1, globalStep, outcome.loss());
          progress.update(b + 1, acc.meanLoss(), acc.top1(), localSamples / elapsed,
              elapsed / (b + 1 - startBatch));
        }
      }
      acc.addSeconds((System.nanoTime() - localStart) / 1e9);
      EvalResult test = eval == null ? null : Evaluator.evaluate(model, eval);
      if (test != null && (bestTop1 == null || test.top1() > bestTop1)) {
        bestTop1 = test.top1();
      }
      double seconds = (System.nanoTime() - epochStart) / 1e9 + acc.secondsBeforeResume();
      EpochMetrics metrics = new EpochMetrics(epoch + 1, acc.meanLoss(), acc.top1(),
          test == null ? null : test.top1(), test == null ? null : test.top5(),
          test == null ? null : test.loss(), lr, acc.imagesPerSecond(), seconds,
          stepsPerEpoch);
      run.appendMetrics(metrics);
      completedEpochs = epoch + 1;
      writeCheckpoint(new CheckpointState(completedEpochs, 0, globalStep, stepsPerEpoch,
          config.seed(), bestTop1, 0, 0, 0, 0, "epoch_end"));
      progress.endEpoch(metrics);
      listener.onEpoch(metrics);
      return true;
    }

    private void writeCheckpoint(CheckpointState state) throws IOException {
      CheckpointFile.write(run.checkpointFile(), state, model, optimizer);
    }

    private TrainingDivergedException diverged(double loss, int epoch, int batch) {
      String what = Double.isFinite(loss)
          ? String.format(Locale.ROOT, "loss exploded to %.4g (max_loss %.4g)", loss,
              config.maxLoss())
          : "loss became " + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity");
      String message = String.format(Locale.ROOT,
          "%s at epoch %d step %d; last good checkpoint kept at %s", what, epoch + 1, batch + 1,
          run.checkpointFile());
      progress.message(message);
      return new TrainingDivergedException(message, run.checkpointFile());
    }

    private TrainResult result(TrainResult.Status status) throws IOException {
      return new TrainResult(status, run.root(), completedEpochs, globalStep, run.readMetrics(),
          bestTop1);
    }
  }

  /** Options of a trainer. */
  public static final class Builder {
    private final ModelFactory factory;
    private final EpochSource train;
    private EvalSource eval;
    private Teacher teacher;
    private TrainerListener listener = new TrainerListener() {};
    private ProgressLine progress = ProgressLine.standardError();
    private boolean shutdownHook = true;
    private Device device;

    private Builder(ModelFactory factory, EpochSource train) {
      this.factory = factory;
      this.train = train;
    }

    /** Evaluation set for per-epoch test accuracy (optional). */
    public Builder evalSource(EvalSource source) {
      this.eval = source;
      return this;
    }

    /** Distil from {@code teacher} (optional; the caller keeps ownership and closes it). */
    public Builder teacher(Teacher teacher) {
      this.teacher = teacher;
      return this;
    }

    public Builder listener(TrainerListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder progress(ProgressLine progress) {
      this.progress = progress;
      return this;
    }

    /** Progress to {@code out} in {@code mode}. */
    public Builder progress(PrintStream out, ProgressLine.Mode mode) {
      return progress(new ProgressLine(out, mode));
    }

    /** Whether Ctrl-C / SIGTERM checkpoints and stops the run (default true). */
    public Builder shutdownHook(boolean install) {
      this.shutdownHook = install;
      return this;
    }

    /** Device to train on (default: {@link DeviceSelector#select()}). */
    public Builder device(Device device) {
      this.device = device;
      return this;
    }

    public Trainer build() {
      if (factory == null || train == null) {
        throw new IllegalArgumentException("model factory and training source are required");
      }
      if (device == null) {
        device = DeviceSelector.select();
      }
      return new Trainer(this);
    }
  }
}
