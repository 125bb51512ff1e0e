package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;

/**
 * One untimed inference of a small network ({@link #NETWORK} on Fashion-MNIST, random weights),
 * both parties in this JVM over TCP on 127.0.0.1, so that the JIT has compiled the engine's online
 * and offline code before a session that counts: a long-running server's first client then meets
 * the speed its later clients do. Without it a fresh process spends about half a second of its
 * first online phase in the interpreter and the compiler (ResNet20, this machine).
 */
public final class WarmUp {
  /** The preset run. */
  public static final String NETWORK = "basech:4";

  private static boolean done;

  private WarmUp() {}

  /** Runs the warm-up once per JVM; returns its wall time in seconds, 0 when it had already run. */
  public static synchronized double run() {
    if (done) {
      return 0;
    }
    long t0 = System.nanoTime();
    NetworkSpec spec = Presets.build(NETWORK, Dataset.FASHION_MNIST);
    QuantNetwork net = QuantNetwork.quantize(ProgramBuilder.build(spec, new RandomWeights(1)),
        QuantConfig.DEFAULT);
    ServerInfo info = new ServerInfo(spec, QuantConfig.DEFAULT, null, null, null);
    double[] image = new double[spec.input().channels() * spec.input().height() * spec.input().width()];
    LocalRun.run(net, info, image, false, ChannelConfig.defaults(), null);
    done = true;
    return (System.nanoTime() - t0) / 1e9;
  }
}
