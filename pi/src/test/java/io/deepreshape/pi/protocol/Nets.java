package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny networks with random weights for the protocol tests. */
final class Nets {
  static final InputShape INPUT = new InputShape(3, 8, 8, 5);
  static final ChannelConfig CONFIG = new ChannelConfig(1 << 28, 30_000);

  private Nets() {}

  static NetworkSpec basic(Map<ReluAddress, ReluMode> modes) {
    return Presets.fromFactors("tiny-basic", INPUT, StemType.CIFAR, BlockType.BASIC, 4,
        new int[] {1, 1}, new int[] {2}).withReluModes(modes);
  }

  static NetworkSpec bottleneck() {
    return Presets.fromFactors("tiny-bottleneck", INPUT, StemType.CIFAR, BlockType.BOTTLENECK, 2,
        new int[] {1, 1}, new int[] {2});
  }

  static NetworkSpec wide(Map<ReluAddress, ReluMode> modes) {
    return Presets.fromFactors("tiny-wide", INPUT, StemType.WIDE, BlockType.WIDE, 4,
        new int[] {2, 1}, new int[] {2}).withReluModes(modes);
  }

  static QuantNetwork quantized(NetworkSpec spec, long seed) {
    return QuantNetwork.quantize(ProgramBuilder.build(spec, new RandomWeights(seed)),
        QuantConfig.DEFAULT);
  }

  static ServerInfo info(QuantNetwork net) {
    return new ServerInfo(net.program().spec(), net.config(), null, null, null);
  }

  static double[] image(long seed) {
    return image(seed, INPUT.channels() * INPUT.height() * INPUT.width());
  }

  static double[] image(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble(-2, 2);
    }
    return x;
  }
}
