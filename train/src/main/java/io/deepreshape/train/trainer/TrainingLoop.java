package io.deepreshape.train.trainer;

import io.deepreshape.io.AtomicFiles;
import ai.djl.engine.Engine;
import io.deepreshape.train.data.HostBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * One invocation of the training loop, from a checkpoint position to the end of the run or a stop
 * request: epochs of steps, evaluation, metrics, checkpoints and final parameters.
 */
final class TrainingLoop {
  private final EpochSource train;
  private final EvalSource eval;
  private final TrainerListener listener;
  private final ProgressLine progress;
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
  private final CheckpointState resumeState;
  private Double bestTop1;
  private int badInARow;

  TrainingLoop(RunDirectory run, TrainConfig config, ModelHandle model, SgdOptimizer optimizer,
      CheckpointState from, StopSignal signal, EpochSource train, EvalSource eval, Teacher teacher,
      TrainerListener listener, ProgressLine progress) {
    this.train = train;
    this.eval = eval;
    this.listener = listener;
    this.progress = progress;
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
        globalStep++;
        if (outcome.updated()) {
          badInARow = 0;
          acc.add(outcome);
        } else {
          badInARow++;
          if (badInARow > config.maxBadSteps()) {
            throw diverged(outcome.loss(), epoch, b);
          }
          acc.addSkipped();
          progress.message("warning: " + badStep(outcome.loss()) + " at epoch " + (epoch + 1)
              + " step " + (b + 1) + "; step skipped (" + badInARow + " of at most "
              + config.maxBadSteps() + " in a row)");
        }
        localSamples += outcome.samples();
        double elapsed = (System.nanoTime() - localStart) / 1e9;
        listener.onStep(epoch + 1, b + 1, globalStep, outcome.loss());
        progress.update(b + 1, acc.meanLoss(), acc.top1(), localSamples / elapsed,
            elapsed / (b + 1 - startBatch));
      }
    }
    acc.addSeconds((System.nanoTime() - localStart) / 1e9);
    EvalResult test = eval == null ? null : Evaluator.evaluate(model, eval);
    if (test != null && test.samples() == 0) {
      test = null;
    }
    if (test != null && (bestTop1 == null || test.top1() > bestTop1)) {
      bestTop1 = test.top1();
    }
    double seconds = (System.nanoTime() - epochStart) / 1e9 + acc.secondsBeforeResume();
    EpochMetrics metrics = metrics(acc, epoch, test, eval != null && eval.validation(), lr, seconds);
    run.appendMetrics(metrics);
    completedEpochs = epoch + 1;
    writeCheckpoint(new CheckpointState(completedEpochs, 0, globalStep, stepsPerEpoch,
        config.seed(), bestTop1, 0, 0, 0, 0, "epoch_end", 0));
    progress.endEpoch(metrics);
    listener.onEpoch(metrics);
    return true;
  }

  private EpochMetrics metrics(EpochAccumulator acc, int epoch, EvalResult eval, boolean validation, double lr, double seconds) {
    EvalResult test = validation ? null : eval;
    EvalResult val = validation ? eval : null;
    return new EpochMetrics(epoch + 1, acc.meanLoss(), acc.top1(), test == null ? null : test.top1(),
        test == null ? null : test.top5(), test == null ? null : test.loss(), lr, acc.imagesPerSecond(), seconds,
        stepsPerEpoch, acc.skipped(), val == null ? null : val.top1(), val == null ? null : val.loss());
  }

  private void writeCheckpoint(CheckpointState state) throws IOException {
    CheckpointFile.write(run.checkpointFile(), state, model, optimizer);
  }

  private TrainingDivergedException diverged(double loss, int epoch, int batch) {
    String streak = badInARow > 1 ? " (" + badInARow + " bad steps in a row)" : "";
    String message = String.format(Locale.ROOT,
        "%s at epoch %d step %d%s; last good checkpoint kept at %s", badStep(loss), epoch + 1,
        batch + 1, streak, run.checkpointFile());
    progress.message(message);
    return new TrainingDivergedException(message, run.checkpointFile());
  }

  private String badStep(double loss) {
    return Double.isFinite(loss)
        ? String.format(Locale.ROOT, "loss exploded to %.4g (max_loss %.4g)", loss,
            config.maxLoss())
        : "loss became " + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity");
  }

  private TrainResult result(TrainResult.Status status) throws IOException {
    return new TrainResult(status, run.root(), completedEpochs, globalStep, run.readMetrics(),
        bestTop1);
  }
}
