package io.deepreshape.train.trainer;

import io.deepreshape.train.data.HostBatch;

/**
 * Training batches, epoch by epoch. For exact resumes the batches of an epoch must be a
 * deterministic function of the epoch index (its shuffle and augmentation seeded by it), and
 * {@code epoch(e, k)} must yield the same batches as {@code epoch(e, 0)} without its first k.
 */
public interface EpochSource {
  /** Number of batches one full epoch yields. */
  int batchesPerEpoch();

  /**
   * Batches of epoch {@code epoch} (0-based), skipping the first {@code skipBatches}. The trainer
   * may stop before the end and then closes the iterator.
   */
  CloseableIterator<HostBatch> epoch(int epoch, int skipBatches);
}
