package io.deepreshape.train.trainer;

import io.deepreshape.train.data.HostBatch;

/** Evaluation batches (no augmentation), read once per evaluation in a fixed order. */
public interface EvalSource {
  /** All evaluation batches; the caller closes the iterator. */
  CloseableIterator<HostBatch> batches();

  /** Whether these batches are the held-out validation split (metrics then record {@code val_*}, not {@code test_*}). */
  default boolean validation() {
    return false;
  }
}
