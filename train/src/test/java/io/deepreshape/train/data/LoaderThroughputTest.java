package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Measures how many 3x32x32 training images per second one loader thread produces (batch 128,
 * 4-pixel crop, flip, normalisation). Run alone with
 * {@code mvn -pl train test -Dtest=LoaderThroughputTest}; the figure is printed.
 */
class LoaderThroughputTest {
  @Test
  void oneThreadFarExceedsTenThousandImagesPerSecond() {
    int n = 10_000;
    byte[] pixels = DataFixtures.bytes(n * 3072, 3);
    byte[] labels = new byte[n];
    ImageDataset ds = new ByteImageDataset("random", 3, 32, 32, 10, pixels, labels);
    Normalization norm = Normalization.defaults("cifar10").orElseThrow();
    BatchLoader loader = new BatchLoader(ds, LoaderOptions.training(128, Augmentation.STANDARD, norm, 1));
    consume(loader, 0); // warm-up
    long images = 0;
    long start = System.nanoTime();
    int epoch = 1;
    while (System.nanoTime() - start < 1_500_000_000L) {
      images += consume(loader, epoch++);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = images / seconds;
    System.out.printf(
        "loader throughput: %.0f images/s (3x32x32, batch 128, crop 4 + flip + normalise,"
            + " 1 producer thread, %d images in %.2f s)%n",
        rate, images, seconds);
    assertThat(rate).isGreaterThan(10_000);
  }

  private static long consume(BatchLoader loader, int epoch) {
    long images = 0;
    double checksum = 0;
    try (BatchIterator it = loader.epoch(epoch)) {
      while (it.hasNext()) {
        HostBatch b = it.next();
        images += b.size();
        checksum += b.data()[0];
      }
    }
    assertThat(checksum).isFinite();
    return images;
  }
}
