package io.deepreshape.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.cli.pi.RunModel;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.protocol.InferenceResult;
import io.deepreshape.pi.protocol.LocalRun;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.train.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The engine's end-to-end PI latency of a trained network, as {@code pi measure --run} measures it: one
 * secure inference of the run's quantised model over TCP loopback (client and server in this process,
 * offline then online phase), on a random input (latency does not depend on the image, and the test
 * split stays unread). Each distinct network is measured once and kept in {@code latency/<spec hash>.json}.
 */
final class EngineLatency {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One measurement: the phases' seconds and bytes, and whether the logits matched the plaintext reference. */
  record Measurement(String network, double offlineS, double onlineS, long bytesOffline, long bytesOnline,
      boolean matchesReference) {
    double totalS() {
      return offlineS + onlineS;
    }
  }

  private final Path dir;
  private final Consumer<String> log;

  EngineLatency(Path out, Consumer<String> log) {
    this.dir = out.resolve("latency");
    this.log = log;
  }

  /** Offline plus online seconds of {@code run}'s network, measured now or read from an earlier measurement. */
  double of(Path run) throws IOException {
    String hash = Files.readString(run.resolve(RunFiles.SPEC_HASH)).strip();
    Path file = dir.resolve(hash.substring(0, Math.min(16, hash.length())) + ".json");
    if (Files.isRegularFile(file)) {
      return JSON.readValue(file.toFile(), Measurement.class).totalS();
    }
    Measurement m = measure(run);
    if (!m.matchesReference()) {
      throw new IllegalStateException("the engine's logits for " + run + " differ from the plaintext reference");
    }
    Files.createDirectories(dir);
    AtomicFiles.write(file, o -> o.write(JSON.writeValueAsBytes(m)));
    log.accept(String.format(java.util.Locale.ROOT, "engine latency of %s: offline %.2f s, online %.2f s",
        m.network(), m.offlineS(), m.onlineS()));
    return m.totalS();
  }

  private Measurement measure(Path run) {
    RunModel model = RunModel.load(run);
    QuantConfig q = new QuantConfig(37, 12);
    QuantNetwork net = QuantNetwork.quantize(model.network(), q);
    ServerInfo info = new ServerInfo(model.graph(), q, model.data().dataset(), model.normalization().mean(),
        model.normalization().std());
    SplittableRandom rnd = new SplittableRandom(7);
    double[] image = new double[net.program().inputElements()];
    for (int i = 0; i < image.length; i++) {
      image[i] = rnd.nextDouble(-2, 2);
    }
    log.accept("measuring the engine's latency of " + model.graph().name());
    InferenceResult r = LocalRun.run(net, info, image, false, ChannelConfig.defaults(), null);
    boolean matches = Arrays.equals(PlainReference.signedLogits(net, net.quantizeInput(image)), r.logits());
    return new Measurement(model.graph().name(), r.total().offlineSeconds(), r.total().onlineSeconds(),
        r.total().bytesOffline(), r.total().bytesOnline(), matches);
  }
}
