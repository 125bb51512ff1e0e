package io.deepreshape.bench;

import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.pi.quant.RingLinear;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The server's online convolution in the clear over {@code Z_{2^37}} (RingLinear), one thread, on
 * 3x3 layers of ResNet18/CIFAR: {@code shape} is channels x size (same channels out, stride 1,
 * padding 1). The score is convolutions per second; times the layer's MACs gives MACs per second.
 */
@State(Scope.Benchmark)
public class RingConvBenchmark extends BenchmarkDefaults {
  @Param({"64x32", "256x8", "512x4"})
  public String shape;

  private ConvShape sh;
  private long[] x;
  private long[] k;

  @Setup
  public void setUp() {
    String[] p = shape.split("x");
    int c = Integer.parseInt(p[0]);
    int size = Integer.parseInt(p[1]);
    sh = new ConvShape(c, size, size, c, 3, 1, 1);
    Random rnd = new Random(1);
    long mask = (1L << 37) - 1;
    x = new long[c * size * size];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextLong() & mask;
    }
    k = new long[c * c * 9];
    for (int i = 0; i < k.length; i++) {
      k[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & mask;
    }
  }

  @Benchmark
  public long[] convolve() {
    return RingLinear.conv(sh, k, x);
  }
}
