package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.optim.SgdOptimizer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad step leaves the model exactly as it was: weights, batch-norm statistics, gradients, momentum. */
class TrainStepTest {
  static final TinyCnn MODEL = new TinyCnn(1, 8, QuadrantData.CLASSES, 8);
  static final TrainConfig CONFIG =
      TrainConfig.builder().epochs(1).batchSize(32).learningRate(0.05).seed(3).build();

  @Test
  void aNanBatchChangesNothingAndTheNextStepMatchesARunThatNeverSawIt() throws Exception {
    List<HostBatch> batches = firstBatches(3);
    HostBatch poisoned = withNan(batches.get(1));
    try (ModelHandle clean = ModelHandle.create(MODEL, Device.cpu(), 5);
        ModelHandle hit = ModelHandle.create(MODEL, Device.cpu(), 5)) {
      SgdOptimizer cleanOpt = SgdOptimizer.of(CONFIG);
      SgdOptimizer hitOpt = SgdOptimizer.of(CONFIG);
      TrainStep cleanStep = new TrainStep(clean, cleanOpt, null, CONFIG);
      TrainStep hitStep = new TrainStep(hit, hitOpt, null, CONFIG);
      StepTimings timings = new StepTimings();

      assertThat(cleanStep.run(batches.get(0), 0.05, timings).updated()).isTrue();
      assertThat(hitStep.run(batches.get(0), 0.05, timings).updated()).isTrue();
      byte[] before = parameters(hit);
      List<float[]> momentumBefore = values(hitOpt.buffers());

      TrainStep.Outcome bad = hitStep.run(poisoned, 0.05, timings);
      assertThat(bad.updated()).isFalse();
      assertThat(bad.loss()).isNaN();
      assertThat(parameters(hit)).isEqualTo(before);
      assertThat(values(hitOpt.buffers())).usingRecursiveComparison().isEqualTo(momentumBefore);
      for (NDArray w : hit.trainableArrays().values()) {
        assertThat(w.getGradient().abs().sum().getFloat()).isZero();
      }

      cleanStep.run(batches.get(2), 0.05, timings);
      hitStep.run(batches.get(2), 0.05, timings);
      assertThat(parameters(hit)).isEqualTo(parameters(clean));
    }
  }

  private static List<HostBatch> firstBatches(int n) {
    List<HostBatch> out = new ArrayList<>();
    try (CloseableIterator<HostBatch> it = new QuadrantData(256, 8, 32, 1).epoch(0, 0)) {
      for (int i = 0; i < n; i++) {
        out.add(it.next());
      }
    }
    return out;
  }

  private static HostBatch withNan(HostBatch b) {
    float[] data = b.data().clone();
    data[5] = Float.NaN;
    return new HostBatch(data, b.labels(), b.size(), b.channels(), b.height(), b.width());
  }

  private static byte[] parameters(ModelHandle model) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.saveParameters(out);
    return out.toByteArray();
  }

  private static List<float[]> values(Map<String, NDArray> arrays) {
    return arrays.values().stream().map(NDArray::toFloatArray).toList();
  }
}
