package io.deepreshape.train.trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.optim.SgdOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One training iteration: batch to device, forward in training mode, loss (cross-entropy or
 * distillation), backward, divergence check, SGD update. A bad step (loss not finite or above
 * max_loss) updates nothing: its gradients are dropped and the batch-norm statistics restored.
 * Every array of the step lives in a sub-manager closed at the end of the step, so memory stays
 * flat.
 */
public final class TrainStep {
  /**
   * Result of one step.
   *
   * @param loss the batch's mean loss
   * @param correct training top-1 hits
   * @param samples batch size
   * @param updated false when the loss diverged and the parameters were left unchanged
   */
  public record Outcome(double loss, int correct, int samples, boolean updated) {}

  private final ModelHandle model;
  private final SgdOptimizer optimizer;
  private final Teacher teacher;
  private final TrainConfig config;
  private final Map<String, NDArray> weights;
  private final Map<String, NDArray> statistics;
  private final HostStaging staging = new HostStaging();

  /** Creates the step; call again after parameters are replaced (the trainable arrays change). */
  public TrainStep(ModelHandle model, SgdOptimizer optimizer, Teacher teacher, TrainConfig config) {
    this.model = model;
    this.optimizer = optimizer;
    this.teacher = teacher;
    this.config = config;
    this.weights = model.trainableArrays();
    this.statistics = model.statisticArrays();
  }

  /** Whether a loss value counts as diverged under {@code maxLoss}. */
  public static boolean diverged(double loss, double maxLoss) {
    return !Double.isFinite(loss) || loss > maxLoss;
  }

  /** Runs one step with learning rate {@code lr}, adding phase times to {@code timings}. */
  public Outcome run(HostBatch batch, double lr, StepTimings timings) {
    long t0 = System.nanoTime();
    long t1;
    long t2;
    long t3;
    Outcome outcome;
    try (NDManager scope = model.manager().newSubManager()) {
      // A bad step must leave the model as it was, and a training-mode forward moves the
      // batch-norm running statistics: keep copies to put back.
      List<NDArray> saved = new ArrayList<>(statistics.size());
      for (NDArray s : statistics.values()) {
        NDArray copy = s.duplicate();
        copy.attach(scope);
        saved.add(copy);
      }
      NDArray input = staging.images(scope, batch);
      NDArray labels = staging.labels(scope, batch);
      t1 = System.nanoTime();
      NDArray teacherLogits = teacher == null ? null : teacher.logits(input);
      NDArray logits;
      NDArray loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        logits = model.forward(input, true);
        loss = teacherLogits == null
            ? Losses.crossEntropy(logits, labels, config.labelSmoothing())
            : Losses.distillation(logits, teacherLogits, labels, config.kdTemperature(),
                config.kdWeight(), config.labelSmoothing());
        collector.backward(loss);
      }
      double lossValue = loss.getFloat();
      t2 = System.nanoTime();
      boolean updated = !diverged(lossValue, config.maxLoss());
      if (updated) {
        optimizer.step(weights, lr, scope);
      } else {
        optimizer.discardGradients(weights, scope);
        int i = 0;
        for (NDArray s : statistics.values()) {
          saved.get(i++).copyTo(s);
        }
      }
      t3 = System.nanoTime();
      long[] predicted = logits.argMax(1).toLongArray();
      int correct = 0;
      int[] truth = batch.labels();
      for (int i = 0; i < batch.size(); i++) {
        if (predicted[i] == truth[i]) {
          correct++;
        }
      }
      outcome = new Outcome(lossValue, correct, batch.size(), updated);
    }
    long t4 = System.nanoTime();
    timings.transferNanos += t1 - t0;
    timings.computeNanos += t2 - t1;
    timings.optimizerNanos += t3 - t2;
    timings.bookkeepingNanos += t4 - t3;
    timings.steps++;
    return outcome;
  }
}
