package io.deepreshape.train.trainer;

import ai.djl.Device;
import io.deepreshape.error.UserInputException;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.optim.SgdOptimizer;
import io.deepreshape.train.progress.ProgressLine;
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
          new CheckpointState(0, 0, 0, stepsPerEpoch, config.seed(), null, 0, 0, 0, 0, "start", 0);
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
      throw new UserInputException("the training data yields no batch per epoch: give fewer --batch-size or more"
          + " training images");
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
      return new TrainingLoop(run, config, model, optimizer, from, signal, train, eval, teacher,
          listener, progress).run();
    } finally {
      stop = null;
      signal.finish();
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
