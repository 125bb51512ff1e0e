package io.deepreshape.train.trainer;

import io.deepreshape.train.data.HostBatch;

/** Evaluation batches (no augmentation), read once per evaluation in a fixed order. */
public interface EvalSource {
  /** All evaluation batches; the caller closes the iterator. */
  CloseableIterator<HostBatch> batches();
}
