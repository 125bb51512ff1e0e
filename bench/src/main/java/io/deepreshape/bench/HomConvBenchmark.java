package io.deepreshape.bench;

import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.Ciphertext;
import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.pi.he.Encryptor;
import io.deepreshape.pi.he.HomConv;
import io.deepreshape.pi.he.NttPlaintext;
import io.deepreshape.pi.he.SecretKey;
import io.deepreshape.pi.prg.AesPrg;
import java.util.Random;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The server's side of Cheetah's HE convolution at the session parameters: a 3x3, 16 to 16 channel,
 * 32x32 convolution (a CIFAR ResNet's first stage) on encrypted input. The score is convolutions per
 * second, the {@code polyProducts} counter ciphertext-plaintext products per second.
 */
@State(Scope.Benchmark)
public class HomConvBenchmark extends BenchmarkDefaults {
  private static final int PLAIN_BITS = 37;

  private final BfvParameters params = BfvParameters.session(PLAIN_BITS);
  private final HomConv conv = new HomConv(new ConvShape(16, 32, 32, 16, 3, 1, 1), params.n());
  private Ciphertext[] input;
  private NttPlaintext[] kernel;

  /** Polynomial products done, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Products {
    public long polyProducts;

    @Setup(Level.Iteration)
    public void clear() {
      polyProducts = 0;
    }
  }

  @Setup
  public void setUp() {
    AesPrg prg = AesPrg.fromSecureRandom();
    Random rnd = new Random(1);
    long mask = (1L << PLAIN_BITS) - 1;
    ConvShape s = conv.shape();
    long[] x = new long[s.channels() * s.height() * s.width()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextLong() & mask;
    }
    long[] k = new long[s.kernels() * s.channels() * s.kernel() * s.kernel()];
    for (int i = 0; i < k.length; i++) {
      k[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & mask;
    }
    Encryptor enc = new Encryptor(SecretKey.generate(params, prg), prg);
    long[][] polys = conv.encodeInput(x);
    input = new Ciphertext[polys.length];
    for (int i = 0; i < polys.length; i++) {
      input[i] = enc.encrypt(polys[i]);
    }
    long[][] kp = conv.encodeKernel(k);
    kernel = new NttPlaintext[kp.length];
    for (int i = 0; i < kp.length; i++) {
      kernel[i] = NttPlaintext.encode(params, kp[i]);
    }
  }

  @Benchmark
  public Ciphertext[] convolution(Products products) {
    products.polyProducts += (long) conv.outputPolys() * conv.inputPolys() / conv.tiles();
    return conv.evaluate(params, input, kernel);
  }
}
