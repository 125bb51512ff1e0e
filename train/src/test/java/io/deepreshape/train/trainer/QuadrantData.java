package io.deepreshape.train.trainer;

import io.deepreshape.train.data.HostBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Learnable in-memory test data: 1-channel square images of Gaussian noise where the class
 * (0..3) is the quadrant that is brighter. Epoch order is a deterministic shuffle per epoch.
 */
final class QuadrantData implements EpochSource, EvalSource {
  static final int CLASSES = 4;

  private final int size;
  private final int batchSize;
  private final float[][] images;
  private final int[] labels;
  private final long shuffleSeed;
  private final long delayMillis;

  QuadrantData(int count, int size, int batchSize, long seed) {
    this(count, size, batchSize, seed, 0);
  }

  QuadrantData(int count, int size, int batchSize, long seed, long delayMillis) {
    this.size = size;
    this.batchSize = batchSize;
    this.shuffleSeed = seed * 7919 + 1;
    this.delayMillis = delayMillis;
    images = new float[count][size * size];
    labels = new int[count];
    Random random = new Random(seed);
    int half = size / 2;
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(CLASSES);
      labels[i] = label;
      int qy = label / 2;
      int qx = label % 2;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean bright = y / half == qy && x / half == qx;
          images[i][y * size + x] = (float) (random.nextGaussian() + (bright ? 1.0 : 0.0));
        }
      }
    }
  }

  @Override
  public int batchesPerEpoch() {
    return images.length / batchSize;
  }

  @Override
  public CloseableIterator<HostBatch> epoch(int epoch, int skipBatches) {
    int[] order = new int[images.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(shuffleSeed + epoch);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<HostBatch> batches = new ArrayList<>();
    for (int b = skipBatches; b < batchesPerEpoch(); b++) {
      batches.add(batch(order, b * batchSize, batchSize));
    }
    return iterate(batches);
  }

  @Override
  public CloseableIterator<HostBatch> batches() {
    int[] order = new int[images.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<HostBatch> batches = new ArrayList<>();
    for (int start = 0; start < order.length; start += batchSize) {
      batches.add(batch(order, start, Math.min(batchSize, order.length - start)));
    }
    return iterate(batches);
  }

  private HostBatch batch(int[] order, int start, int count) {
    int pixels = size * size;
    float[] data = new float[count * pixels];
    int[] y = new int[count];
    for (int i = 0; i < count; i++) {
      int index = order[start + i];
      System.arraycopy(images[index], 0, data, i * pixels, pixels);
      y[i] = labels[index];
    }
    return new HostBatch(data, y, count, 1, size, size);
  }

  private CloseableIterator<HostBatch> iterate(List<HostBatch> batches) {
    return new CloseableIterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < batches.size();
      }

      @Override
      public HostBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (delayMillis > 0) {
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return batches.get(next++);
      }

      @Override
      public void close() {}
    };
  }
}
