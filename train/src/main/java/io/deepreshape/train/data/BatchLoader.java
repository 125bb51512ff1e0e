package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns an {@link ImageDataset} into normalised float NCHW {@link HostBatch}es, prepared by a
 * background thread while the consumer trains. A training pass visits the images in a random
 * order that, like each batch's crops and flips, is a function of (seed, epoch, batch index)
 * only, so {@code epoch(e, k)} yields exactly the batches of {@code epoch(e, 0)} after its first
 * k: a resumed run sees the same data. An evaluation pass visits the images in dataset order
 * without augmentation and keeps the last partial batch.
 */
public final class BatchLoader {
  private final ImageDataset dataset;
  private final LoaderOptions options;
  private final float[][] table;

  /**
   * A loader over {@code dataset}; the normalisation must have one value per channel, and a
   * training loader that drops its last partial batch needs at least one full batch.
   */
  public BatchLoader(ImageDataset dataset, LoaderOptions options) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.options = Objects.requireNonNull(options, "options");
    if (options.normalization().channels() != dataset.channels()) {
      throw new IllegalArgumentException(
          "normalisation has " + options.normalization().channels() + " channels, "
              + dataset.name() + " has " + dataset.channels());
    }
    if (dataset.size() == 0) {
      throw new UserInputException(dataset.name() + " is empty");
    }
    if (options.dropLast() && dataset.size() < options.batchSize()) {
      throw new UserInputException(
          dataset.name() + " has " + dataset.size() + " images, fewer than one batch of "
              + options.batchSize() + " (use a smaller batch or keep the last partial batch)");
    }
    this.table = options.normalization().table();
  }

  public ImageDataset dataset() {
    return dataset;
  }

  public LoaderOptions options() {
    return options;
  }

  /** Number of batches one pass yields. */
  public int batchesPerEpoch() {
    int n = dataset.size();
    int b = options.batchSize();
    return options.dropLast() ? n / b : (n + b - 1) / b;
  }

  /** Number of images one pass yields. */
  public int imagesPerEpoch() {
    return options.dropLast()
        ? batchesPerEpoch() * options.batchSize()
        : dataset.size();
  }

  /** All batches of one pass in order: what an evaluation reads (same as {@code epoch(0)}). */
  public BatchIterator batches() {
    return epoch(0, 0);
  }

  /** All batches of pass {@code epoch} (0-based). */
  public BatchIterator epoch(int epoch) {
    return epoch(epoch, 0);
  }

  /**
   * The batches of pass {@code epoch} after skipping the first {@code skipBatches} (for an exact
   * mid-epoch resume). The caller closes the iterator.
   */
  public BatchIterator epoch(int epoch, int skipBatches) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    int total = batchesPerEpoch();
    if (skipBatches < 0 || skipBatches > total) {
      throw new IllegalArgumentException(
          "cannot skip " + skipBatches + " of " + total + " batches");
    }
    int[] order = order(epoch);
    return new BatchIterator(
        "batches-" + dataset.name() + "-e" + epoch,
        skipBatches,
        total,
        options.prefetch(),
        b -> produce(order, epoch, b));
  }

  /**
   * The image indices of pass {@code epoch} in visiting order: a seeded permutation in training,
   * {@code 0..size-1} in evaluation.
   */
  public int[] order(int epoch) {
    int n = dataset.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (options.training()) {
      SplittableRandom rng = new SplittableRandom(Seeds.mix(options.seed(), 0x5EED, epoch));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /** Builds batch {@code b} of pass {@code epoch}; runs on the producer thread. */
  HostBatch produce(int[] order, int epoch, int b) {
    int bs = options.batchSize();
    int start = b * bs;
    int count = Math.min(bs, order.length - start);
    int c = dataset.channels();
    int h = dataset.height();
    int w = dataset.width();
    int imageBytes = c * h * w;
    byte[] raw = new byte[count * imageBytes];
    int[] labels = new int[count];
    Augmentation aug = options.augmentation();
    boolean augment = options.training() && (aug.padding() > 0 || aug.flip());
    byte[] scratch = augment ? new byte[imageBytes] : null;
    SplittableRandom rng =
        augment ? new SplittableRandom(Seeds.mix(options.seed(), epoch, b)) : null;
    int pad = aug.padding();
    for (int i = 0; i < count; i++) {
      int index = order[start + i];
      labels[i] = dataset.label(index);
      if (!augment) {
        dataset.copyImage(index, raw, i * imageBytes);
        continue;
      }
      dataset.copyImage(index, scratch, 0);
      int dy = pad > 0 ? rng.nextInt(2 * pad + 1) - pad : 0;
      int dx = pad > 0 ? rng.nextInt(2 * pad + 1) - pad : 0;
      boolean flip = aug.flip() && rng.nextBoolean();
      BatchAugmenter.shiftFlip(scratch, 0, raw, i * imageBytes, c, h, w, dy, dx, flip);
    }
    float[] data = new float[count * imageBytes];
    BatchAugmenter.normalise(raw, data, count, c, h * w, table);
    return new HostBatch(data, labels, count, c, h, w);
  }
}
