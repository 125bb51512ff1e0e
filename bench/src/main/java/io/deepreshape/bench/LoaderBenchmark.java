package io.deepreshape.bench;

import io.deepreshape.train.data.Augmentation;
import io.deepreshape.train.data.BatchIterator;
import io.deepreshape.train.data.BatchLoader;
import io.deepreshape.train.data.ByteImageDataset;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.data.LoaderOptions;
import io.deepreshape.train.data.Normalization;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training images per second from one loader thread: 3x32x32, batch 128, 4-pixel crop, flip and
 * CIFAR-10 normalisation, one epoch of 10,240 random images per invocation.
 */
@State(Scope.Benchmark)
public class LoaderBenchmark extends BenchmarkDefaults {
  private static final int IMAGES = 10_240;

  private BatchLoader loader;
  private int epoch;

  @Setup
  public void setUp() {
    byte[] pixels = new byte[IMAGES * 3072];
    new Random(3).nextBytes(pixels);
    ByteImageDataset ds = new ByteImageDataset("random", 3, 32, 32, 10, pixels, new byte[IMAGES]);
    Normalization norm = Normalization.defaults("cifar10").orElseThrow();
    loader = new BatchLoader(ds, LoaderOptions.training(128, Augmentation.STANDARD, norm, 1));
  }

  /** Images per second (each epoch is shuffled anew). */
  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public double trainingImages() {
    double checksum = 0;
    try (BatchIterator it = loader.epoch(epoch++)) {
      while (it.hasNext()) {
        HostBatch b = it.next();
        checksum += b.data()[0];
      }
    }
    return checksum;
  }
}
