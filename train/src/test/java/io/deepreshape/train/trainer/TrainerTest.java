package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.deepreshape.train.checkpoint.CheckpointFile;
import io.deepreshape.train.checkpoint.CheckpointState;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.progress.ProgressLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  static final TinyCnn MODEL = new TinyCnn(1, 8, QuadrantData.CLASSES, 8);
  static final QuadrantData TRAIN = new QuadrantData(512, 8, 32, 1);
  static final QuadrantData TEST = new QuadrantData(256, 8, 64, 2);

  @TempDir Path tmp;

  static TrainConfig config(int epochs) {
    return TrainConfig.builder().epochs(epochs).batchSize(32).learningRate(0.05).seed(11)
        .build();
  }

  static Trainer.Builder trainer(EpochSource train) {
    return Trainer.builder(MODEL, train).evalSource(TEST).shutdownHook(false)
        .device(Device.cpu()).progress(System.err, ProgressLine.Mode.OFF);
  }

  @Test
  void tinyCnnLearnsWellAboveChanceAndWritesRunDirectory() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Trainer t = trainer(TRAIN)
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8), ProgressLine.Mode.EPOCH_LINES)
        .build();
    TrainResult r = t.start(tmp, config(4));

    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
    assertThat(r.completedEpochs()).isEqualTo(4);
    assertThat(r.globalStep()).isEqualTo(4L * 16);
    List<EpochMetrics> m = new RunDirectory(tmp).readMetrics();
    assertThat(m).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
    EpochMetrics last = m.get(3);
    // chance is 0.25 for four classes
    assertThat(last.testTop1()).isGreaterThan(0.8);
    assertThat(last.trainTop1()).isGreaterThan(0.7);
    assertThat(last.trainLoss()).isLessThan(m.get(0).trainLoss());
    assertThat(last.testTop5()).isNull();
    assertThat(last.imagesPerSecond()).isPositive();
    assertThat(last.steps()).isEqualTo(16);
    assertThat(r.bestTop1()).isGreaterThanOrEqualTo(last.testTop1());
    String firstLine = Files.readAllLines(tmp.resolve(RunDirectory.METRICS)).get(0);
    assertThat(firstLine).contains("\"epoch\":1", "\"train_loss\":", "\"train_top1\":",
        "\"test_top1\":", "\"test_top5\":null", "\"lr\":", "\"images_per_s\":", "\"seconds\":");
    assertThat(new RunDirectory(tmp).readConfig()).isEqualTo(config(4));
    assertThat(tmp.resolve(RunDirectory.FINAL_PARAMS)).isRegularFile();
    assertThat(CheckpointFile.read(tmp.resolve(RunDirectory.CHECKPOINT)).state().completedEpochs())
        .isEqualTo(4);
    assertThat(log.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(4);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    // the saved final parameters reproduce the last test accuracy
    try (Teacher loaded = Teacher.fromRun(MODEL, tmp, Device.cpu())) {
      EvalResult eval = Evaluator.evaluate(loaded.model(), TEST);
      assertThat(eval.top1()).isEqualTo(last.testTop1());
      assertThat(eval.samples()).isEqualTo(256);
    }
  }

  @Test
  void resumeAfterEpochEndOrMidEpochStopIsExact() throws Exception {
    Path straight = tmp.resolve("straight");
    trainer(TRAIN).build().start(straight, config(2));
    byte[] expected = Files.readAllBytes(straight.resolve(RunDirectory.FINAL_PARAMS));

    Path afterEpoch = tmp.resolve("after-epoch");
    TrainResult first = stopAt(afterEpoch, 1, 0);
    assertThat(first.status()).isEqualTo(TrainResult.Status.STOPPED);
    assertThat(first.completedEpochs()).isEqualTo(1);
    TrainResult resumed = trainer(TRAIN).build().resume(afterEpoch);
    assertThat(resumed.status()).isEqualTo(TrainResult.Status.COMPLETED);
    assertThat(Files.readAllBytes(afterEpoch.resolve(RunDirectory.FINAL_PARAMS)))
        .isEqualTo(expected);

    Path midEpoch = tmp.resolve("mid-epoch");
    TrainResult stopped = stopAt(midEpoch, 2, 5);
    assertThat(stopped.status()).isEqualTo(TrainResult.Status.STOPPED);
    CheckpointState state = CheckpointFile.read(midEpoch.resolve(RunDirectory.CHECKPOINT)).state();
    assertThat(state.completedEpochs()).isEqualTo(1);
    assertThat(state.batchInEpoch()).isEqualTo(5);
    assertThat(state.globalStep()).isEqualTo(16 + 5);
    assertThat(state.reason()).isEqualTo("stop");
    trainer(TRAIN).build().resume(midEpoch);
    assertThat(Files.readAllBytes(midEpoch.resolve(RunDirectory.FINAL_PARAMS)))
        .isEqualTo(expected);
    List<EpochMetrics> a = new RunDirectory(straight).readMetrics();
    List<EpochMetrics> b = new RunDirectory(midEpoch).readMetrics();
    assertThat(b).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(b.get(1).trainLoss()).isEqualTo(a.get(1).trainLoss());
    assertThat(b.get(1).testTop1()).isEqualTo(a.get(1).testTop1());
  }

  private TrainResult stopAt(Path dir, int epoch, int batch) throws Exception {
    AtomicReference<Trainer> self = new AtomicReference<>();
    Trainer t = trainer(TRAIN).listener(new TrainerListener() {
      @Override
      public void onStep(int e, int b, long step, double loss) {
        if (e == epoch && b == batch) {
          self.get().requestStop();
        }
      }

      @Override
      public void onEpoch(EpochMetrics m) {
        if (batch == 0 && m.epoch() == epoch) {
          self.get().requestStop();
        }
      }
    }).build();
    self.set(t);
    return t.start(dir, config(2));
  }

  @Test
  void hugeLearningRateStopsWithMessageAndKeepsLoadableCheckpoint() throws Exception {
    TrainConfig cfg = config(3).toBuilder().learningRate(1e6).momentum(0).build();
    assertThatThrownBy(() -> trainer(TRAIN).build().start(tmp, cfg))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageMatching("loss (became NaN|became \\+Infinity|exploded to \\S+ \\(max_loss"
            + " 1\\.000e\\+04\\)) at epoch 1 step \\d+ \\(4 bad steps in a row\\); last good checkpoint"
            + " kept at .*"
            + RunDirectory.CHECKPOINT);
    assertCheckpointLoadable(tmp, 0);
  }

  /** The training set with NaN written into the given batches of the second epoch. */
  static EpochSource poisoned(int... badBatches) {
    return new EpochSource() {
      @Override
      public int batchesPerEpoch() {
        return TRAIN.batchesPerEpoch();
      }

      @Override
      public CloseableIterator<HostBatch> epoch(int epoch, int skip) {
        CloseableIterator<HostBatch> inner = TRAIN.epoch(epoch, skip);
        return new CloseableIterator<>() {
          int index = skip;

          @Override
          public boolean hasNext() {
            return inner.hasNext();
          }

          @Override
          public HostBatch next() {
            HostBatch b = inner.next();
            int at = index++;
            if (epoch == 1 && java.util.Arrays.stream(badBatches).anyMatch(x -> x == at)) {
              float[] data = b.data().clone();
              data[0] = Float.NaN;
              return new HostBatch(data, b.labels(), b.size(), b.channels(), b.height(), b.width());
            }
            return b;
          }

          @Override
          public void close() {
            inner.close();
          }
        };
      }
    };
  }

  @Test
  void aNanBatchIsSkippedAndTheRunCompletes() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainResult r = trainer(poisoned(3, 9, 10))
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8), ProgressLine.Mode.EPOCH_LINES)
        .build().start(tmp, config(3));
    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
    List<EpochMetrics> m = new RunDirectory(tmp).readMetrics();
    assertThat(m).extracting(EpochMetrics::skippedSteps).containsExactly(0, 3, 0);
    assertThat(m.get(2).testTop1()).isGreaterThan(0.5);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("warning: loss became NaN at epoch 2 step 4; step skipped (1 of at most 3 in a row)")
        .contains("warning: loss became NaN at epoch 2 step 11; step skipped (2 of at most 3 in a row)");
    assertCheckpointLoadable(tmp, 3);
  }

  @Test
  void moreBadStepsInARowThanAllowedStopTheRunAndKeepTheLastEpochCheckpoint() throws Exception {
    assertThatThrownBy(() -> trainer(poisoned(3, 4, 5, 6)).build().start(tmp, config(3)))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessage("loss became NaN at epoch 2 step 7 (4 bad steps in a row); last good checkpoint"
            + " kept at " + tmp.resolve(RunDirectory.CHECKPOINT));
    assertCheckpointLoadable(tmp, 1);
    assertThat(new RunDirectory(tmp).readMetrics()).hasSize(1);
  }

  @Test
  void maxBadStepsZeroStopsAtTheFirstNan() throws Exception {
    TrainConfig strict = config(3).toBuilder().maxBadSteps(0).build();
    assertThatThrownBy(() -> trainer(poisoned(3)).build().start(tmp, strict))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessage("loss became NaN at epoch 2 step 4; last good checkpoint kept at "
            + tmp.resolve(RunDirectory.CHECKPOINT));
    assertCheckpointLoadable(tmp, 1);
  }

  private static void assertCheckpointLoadable(Path dir, int completedEpochs) throws Exception {
    CheckpointFile.Contents c = CheckpointFile.read(dir.resolve(RunDirectory.CHECKPOINT));
    assertThat(c.state().completedEpochs()).isEqualTo(completedEpochs);
    assertThat(c.state().batchInEpoch()).isZero();
    try (ModelHandle model = ModelHandle.create(MODEL, Device.cpu(), 0)) {
      model.loadParameters(new ByteArrayInputStream(c.modelParameters()));
      assertThat(model.statisticArrays()).isNotEmpty();
      for (NDArray array : java.util.stream.Stream.concat(model.trainableArrays().values().stream(),
          model.statisticArrays().values().stream()).toList()) {
        for (float v : array.toFloatArray()) {
          assertThat(Float.isFinite(v)).isTrue();
        }
      }
      EvalResult eval = Evaluator.evaluate(model, TEST);
      assertThat(eval.samples()).isEqualTo(256);
    }
  }
}
