package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.deepreshape.train.data.HostBatch;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RssTraceTmpTest {
  @Test
  void trace() {
    boolean seed = Boolean.getBoolean("trace.seed");
    TrainConfig config = TrainConfig.builder().epochs(1).batchSize(64).build();
    ModelFactory f = new ProbeModels.Cifar();
    try (ModelHandle model = ModelHandle.create(f, Device.cpu(), 0)) {
      Random r = new Random(1);
      float[] data = new float[64 * 3 * 32 * 32];
      for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
      int[] labels = new int[64];
      for (int i = 0; i < 64; i++) labels[i] = r.nextInt(10);
      HostBatch b = new HostBatch(data, labels, 64, 3, 32, 32);
      TrainStep step = new TrainStep(model, SgdOptimizer.of(config), null, config);
      StepTimings t = new StepTimings();
      for (int i = 0; i < 3000; i++) {
        if (seed) Engine.getInstance().setRandomSeed(i);
        step.run(b, 0.01, t);
        if (i % 250 == 0) System.out.println("TRACE step " + i + " rss " + ProcessMemory.residentBytes() / 1048576);
      }
    }
  }
}
