package io.deepreshape.train.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.train.data.HostBatch;
import java.nio.FloatBuffer;

/** Top-1 / top-5 accuracy and mean loss of a model in inference mode over an {@link EvalSource}. */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates {@code model}; every batch's arrays are released before the next batch. */
  public static EvalResult evaluate(ModelHandle model, EvalSource source) {
    AccuracyCounter counter = new AccuracyCounter();
    double lossSum = 0;
    try (CloseableIterator<HostBatch> batches = source.batches()) {
      while (batches.hasNext()) {
        HostBatch batch = batches.next();
        if (batch.size() == 0) {
          continue;
        }
        try (NDManager scope = model.manager().newSubManager()) {
          NDArray input = toArray(scope, batch);
          NDArray logits = model.forward(input, false);
          lossSum += Losses.crossEntropy(logits, batch.labels(), 0).getFloat() * batch.size();
          counter.add(logits.toFloatArray(), batch.labels(), batch.size());
        }
      }
    }
    long n = counter.samples();
    return new EvalResult(n, counter.top1(), counter.top5(), n == 0 ? Double.NaN : lossSum / n);
  }

  /** Copies a host batch into a float32 NCHW array on the scope's device. */
  static NDArray toArray(NDManager scope, HostBatch batch) {
    int n = batch.size() * batch.channels() * batch.height() * batch.width();
    return scope.create(FloatBuffer.wrap(batch.data(), 0, n), new Shape(batch.shape()));
  }
}
