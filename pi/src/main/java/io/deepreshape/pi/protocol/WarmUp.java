package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Untimed inferences of a small network ({@link #NETWORK} on Fashion-MNIST, random weights), both
 * parties in this JVM over TCP on 127.0.0.1, so that the JIT has compiled the engine's online and
 * offline code before a session that counts: a long-running server's first client then meets the
 * speed its later clients do. Without it a fresh process spends about half a second of its first
 * online phase in the interpreter and the compiler (ResNet20, this machine).
 *
 * <p>Two inferences: a whole one, and one prepared ahead of time and then run from its material.
 * The second is there for the client's file store, which the small network's whole inference does
 * not use (its material fits in memory) but large networks and every prepared session do: with it
 * ResNet18/CIFAR-100's online phase in {@code pi measure} took 3.30 s on average against 3.69 s
 * (three alternated runs each), its offline phase 15.5 s against 16.8 s.
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
    prepared(net, info, image, tempRoot());
    done = true;
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Prepares one session of {@code net} under a fresh folder in {@code parent} (for the client's
   * material), runs it from that material and deletes the folder, also when the run fails; returns
   * the run's result.
   */
  static InferenceResult prepared(QuantNetwork net, ServerInfo info, double[] image, Path parent) {
    Path root;
    try {
      root = Files.createTempDirectory(parent, "deepreshape-warm-up-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for the warm-up in " + parent + ": "
          + e.getMessage(), e);
    }
    try {
      return LocalRun.prepared(net, info, image, ChannelConfig.defaults(), root);
    } finally {
      PreparedFolder.delete(root);
    }
  }

  private static Path tempRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
