package io.deepreshape.train.optimize;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.deepreshape.error.UserInputException;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.optim.AdamOptimizer;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunData;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.CloseableIterator;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.EpochSource;
import io.deepreshape.train.trainer.HostStaging;
import io.deepreshape.train.trainer.Losses;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.trainer.Teacher;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phase 1 of SNL, per channel (Cho et al., "Selective Network Linearization for Efficient Private
 * Inference", ICML 2022): starting from the teacher's weights, trains weights and masks together with
 * Adam on {@code KD loss + lambda * ||alpha||_1}, raising {@code lambda} while the live ReLU count
 * stalls, until the count reaches the budget (see {@link SnlSettings}). Writes the trained mask
 * model's parameters, which the fine-tuning run starts from.
 */
public final class SnlSearch {
  /** Mask values by layer, the layers, and how the search ended. */
  public record Result(Map<ReluAddress, float[]> alphas, Map<ReluAddress, ReluLayer> layers, double lambda,
      long steps, int epochs, long liveRelus, boolean reachedBudget) {}

  private SnlSearch() {}

  /**
   * Runs the search on the teacher run's network and writes the mask model's parameters to {@code
   * weightsOut} (atomically). {@code config} gives batch size, seed, KD temperature and weight and the
   * step cap per epoch.
   */
  public static Result run(Path teacherRun, DataSettings data, TrainConfig config, SnlSettings settings, long budget,
      Path weightsOut, Consumer<String> log) throws IOException {
    NetworkGraph graph = RunFiles.graph(teacherRun);
    RunData opened = RunData.open(data, graph.input());
    EpochSource source = opened.trainSource(config.batchSize(), config.seed());
    int steps = config.maxStepsPerEpoch() > 0 ? Math.min(source.batchesPerEpoch(), config.maxStepsPerEpoch())
        : source.batchesPerEpoch();
    Device device = DeviceSelector.select();
    SnlModelFactory factory = new SnlModelFactory(graph);
    try (Teacher teacher = TrainingRun.teacher(teacherRun, device);
        ModelHandle model = ModelHandle.create(factory, device, config.seed())) {
      ParameterTransfer.copy(teacher.model().block(), model.block(), model.manager());
      List<SnlMaskBlock> masks = SnlModelFactory.masks(model.block());
      if (masks.isEmpty()) {
        throw new UserInputException(graph.name() + " has no full ReLU layer for SNL to mask");
      }
      Map<String, NDArray> weights = model.trainableArrays();
      AdamOptimizer adam = new AdamOptimizer(settings.lr());
      HostStaging staging = new HostStaging();
      SnlCount counter = new SnlCount(masks, graph, settings.threshold());
      long fixed = counter.fixedRelus();
      double lambda = settings.lambda0();
      long previous = counter.live();
      long live = previous;
      long step = 0;
      int epoch = 0;
      log.accept(String.format(Locale.ROOT, "SNL search: %d masked layers, %d live ReLUs (%d unmasked), budget %d",
          masks.size(), live, fixed, budget));
      while (live > budget && epoch < settings.maxEpochs()) {
        try (CloseableIterator<HostBatch> batches = source.epoch(epoch, 0)) {
          for (int b = 0; b < steps && batches.hasNext() && live > budget; b++) {
            Engine.getInstance().setRandomSeed((int) (config.seed() * 31 + step));
            trainStep(model, teacher, masks, staging, batches.next(), config, lambda, adam, weights);
            step++;
            if (settings.checkEverySteps() > 0 && step % settings.checkEverySteps() == 0) {
              live = counter.live();
              lambda = live < previous ? lambda : lambda * settings.lambdaFactor();
              previous = Math.min(previous, live);
            }
          }
        }
        epoch++;
        if (settings.checkEverySteps() == 0) {
          live = counter.live();
          lambda = live < previous ? lambda : lambda * settings.lambdaFactor();
          previous = Math.min(previous, live);
        }
        log.accept(String.format(Locale.ROOT, "SNL search epoch %d: %d live ReLUs, lambda %.3g", epoch, live, lambda));
      }
      AtomicFiles.write(weightsOut, model::saveParameters);
      Map<ReluAddress, float[]> alphas = new LinkedHashMap<>();
      Map<ReluAddress, ReluLayer> layers = new LinkedHashMap<>();
      for (SnlMaskBlock m : masks) {
        alphas.put(m.layer().address(), m.alpha().getArray().toFloatArray());
        layers.put(m.layer().address(), m.layer());
      }
      return new Result(alphas, layers, lambda, step, epoch, live, live <= budget);
    }
  }

  private static void trainStep(ModelHandle model, Teacher teacher, List<SnlMaskBlock> masks, HostStaging staging,
      HostBatch batch, TrainConfig config, double lambda, AdamOptimizer adam, Map<String, NDArray> weights) {
    try (NDManager scope = model.manager().newSubManager()) {
      NDArray input = staging.images(scope, batch);
      NDArray labels = staging.labels(scope, batch);
      NDArray teacherLogits = teacher.logits(input);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.forward(input, true);
        NDArray loss = Losses.distillation(logits, teacherLogits, labels, config.kdTemperature(), config.kdWeight(),
            0);
        NDArray l1 = null;
        for (SnlMaskBlock m : masks) {
          NDArray norm = m.alpha().getArray().abs().sum();
          l1 = l1 == null ? norm : l1.add(norm);
        }
        collector.backward(loss.add(l1.mul((float) lambda)));
      }
      adam.step(weights, scope);
      for (SnlMaskBlock m : masks) {
        NDArray a = m.alpha().getArray();
        a.subi(a.sub(a.clip(0f, 1f)));
      }
    }
  }
}
