package io.deepreshape.train.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.deepreshape.train.data.HostBatch;

/** Top-1 / top-5 accuracy and mean loss of a model in inference mode over an {@link EvalSource}. */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates {@code model}; every batch's arrays are released before the next batch. */
  public static EvalResult evaluate(ModelHandle model, EvalSource source) {
    AccuracyCounter counter = new AccuracyCounter();
    HostStaging staging = new HostStaging();
    double lossSum = 0;
    try (CloseableIterator<HostBatch> batches = source.batches()) {
      while (batches.hasNext()) {
        HostBatch batch = batches.next();
        if (batch.size() == 0) {
          continue;
        }
        try (NDManager scope = model.manager().newSubManager()) {
          NDArray logits = model.forward(staging.images(scope, batch), false);
          NDArray labels = staging.labels(scope, batch);
          lossSum += Losses.crossEntropy(logits, labels, 0).getFloat() * batch.size();
          counter.add(logits.toFloatArray(), batch.labels(), batch.size());
        }
      }
    }
    long n = counter.samples();
    return new EvalResult(n, counter.top1(), counter.top5(), n == 0 ? Double.NaN : lossSum / n);
  }
}
