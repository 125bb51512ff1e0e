package io.deepreshape.cli.pi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.Profiles;
import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.protocol.ClientSession;
import io.deepreshape.pi.protocol.InferenceResult;
import io.deepreshape.pi.protocol.LocalRun;
import io.deepreshape.pi.protocol.WarmUp;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.Split;
import io.deepreshape.train.progress.ProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pi measure}: both parties on this machine (a server process and this client process over
 * TCP on 127.0.0.1, or threads of this process over TCP or an in-process channel), one secure inference, its costs per step and in total; {@code --verify} compares the
 * logits with the quantised plaintext reference and {@code --agreement N} measures float versus
 * quantised top-1 on a run's test set.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
    description = "Run client and server on this machine and report offline/online time, bytes each way, "
        + "client storage, ReLUs, AND gates and OTs per layer and in total.")
public final class PiMeasureCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  PiModelOptions model;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  @Option(names = "--verify", description = "Also evaluate the plaintext reference and report matches_reference.")
  boolean verify;

  @ArgGroup(exclusive = true, heading = "Where the server runs (at most one; default: a second process, over TCP on "
      + "127.0.0.1):%n")
  Placement placement;

  /** The server in this process, over an in-process channel or over TCP. */
  static final class Placement {
    @Option(names = "--in-process", description = "A thread of this process, connected by an in-process channel.")
    boolean inProcess;

    @Option(names = "--same-jvm", description = "A thread of this process, over TCP on 127.0.0.1.")
    boolean sameJvm;
  }

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder for the input image (with --run; default: the run's).")
  Path data;

  @Option(names = "--index", defaultValue = "0", description = "Test image index (with --run; default: ${DEFAULT-VALUE}).")
  int index;

  @Option(names = "--agreement", paramLabel = "N", defaultValue = "0",
      description = "With --run: float vs quantised top-1 agreement, and each one's top-1 accuracy, on the first N "
          + "test images (0: skip).")
  int agreement;

  @Option(names = "--bandwidth", paramLabel = "MBPS", defaultValue = "0",
      description = "Emulated bandwidth in Mbit/s, both parties in this process (0: unthrottled).")
  double bandwidth;

  @Option(names = "--progress", negatable = true, defaultValue = "true",
      description = "Print one line per finished step, and the --agreement count with its rate and ETA, to stderr"
          + " (default: on; --no-progress turns it off).")
  boolean progress;

  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "measured",
      description = "Latency profile whose estimate is printed beside the measurement (default: ${DEFAULT-VALUE}, "
          + "fitted to this engine by pi calibrate; he-gc is Delphi's).")
  String profile;

  @Option(names = "--prepared",
      description = "Also prepare one session ahead of time (a second offline phase, server in this process over TCP)"
          + " and report the online time from it: what 'pi infer --prepared' makes a user wait.")
  boolean prepared;

  @Option(names = "--warm-up",
      description = "Run two untimed inferences of a small network (" + WarmUp.NETWORK + ", a whole one and a prepared one) in each process first, so"
          + " that both parties run compiled code, as long-running ones do; without it a fresh process's first layers"
          + " also time the JIT compiler.")
  boolean warmUp;

  @Option(names = "--rtt", paramLabel = "MS", defaultValue = "0", description = "Emulated round-trip time in ms.")
  double rtt;

  @Override
  public Integer call() {
    if (!(rtt >= 0) || Double.isInfinite(rtt)) {
      throw new UserException("--rtt must be a number of milliseconds >= 0, was " + rtt);
    }
    if (!(bandwidth >= 0) || Double.isInfinite(bandwidth)) {
      throw new UserException("--bandwidth must be a number of Mbit/s >= 0, was " + bandwidth);
    }
    Profiles.load(profile); // a bad --profile fails before minutes of inference
    PiModelOptions.Loaded m = model.load();
    QuantNetwork net = m.net();
    double[] image = image(m);
    if (warmUp) {
      WarmUp.run();
    }
    InferenceResult r;
    try {
      Consumer<String> sink = progressLine()::message;
      r = oneProcess()
          ? LocalRun.run(net, m.info(), image, inProcess(), ChannelConfig.defaults(), null,
              bandwidth * 1e6, rtt, sink)
          : twoProcesses(m, image, sink);
    } catch (ChannelException e) {
      throw new UserException(e.getMessage(), e);
    }
    InferenceResult fromPrepared = prepared ? fromPrepared(m, image) : null;
    Boolean matches = null;
    if (verify) {
      long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
      matches = Arrays.equals(want, r.logits())
          && (fromPrepared == null || Arrays.equals(want, fromPrepared.logits()));
    }
    Agreement agree = agreement > 0 ? agreement(m) : null;
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.object();
      o.put("network", m.info().graph().name());
      o.put("ring_bits", net.config().l());
      o.put("frac_bits", net.config().s());
      o.put("weights", m.run() == null ? "random" : "trained");
      o.put("channel", inProcess() ? "in-process" : oneProcess() ? "tcp-loopback, one process"
          : "tcp-loopback, two processes");
      if (matches != null) {
        o.put("matches_reference", matches);
      }
      if (agree != null) {
        o.put("float_quantized_top1_agreement", agree.agreement());
        o.put("agreement_images", agree.images());
        o.put("float_top1", agree.floatTop1());
        o.put("quantized_top1", agree.quantizedTop1());
      }
      PiReport.json(o, r);
      if (fromPrepared != null) {
        o.put("online_from_prepared_s", fromPrepared.total().onlineSeconds());
        o.put("bytes_online_from_prepared", fromPrepared.total().bytesOnline());
      }
      LatencyEstimate e = estimate(m);
      ObjectNode model = o.putObject("latency_model");
      model.put("profile", profile);
      model.put("network", Profiles.DEFAULT_NETWORK);
      model.put("offline_s", e.offlineS());
      model.put("online_s", e.onlineS());
      model.put("bytes_offline", e.offlineBytesUp() + e.offlineBytesDown());
      model.put("bytes_online", e.onlineBytesUp() + e.onlineBytesDown());
      model.put("client_storage_bytes", e.clientStorageBytes());
      w.println(Json.write(o));
    } else {
      w.print(PiReport.table(r));
      LatencyEstimate e = estimate(m);
      w.printf(Locale.ROOT, "latency model (%s, %s): offline %s, online %s, %s offline, %s online,"
          + " %s client storage%n", profile, Profiles.DEFAULT_NETWORK, Format.seconds(e.offlineS()),
          Format.seconds(e.onlineS()), Format.bytes(e.offlineBytesUp() + e.offlineBytesDown()),
          Format.bytes(e.onlineBytesUp() + e.onlineBytesDown()),
          Format.bytes(e.clientStorageBytes()));
      if (fromPrepared != null) {
        w.printf(Locale.ROOT, "online from prepared material: %s, %s%n",
            Format.seconds(fromPrepared.total().onlineSeconds()),
            Format.bytes(fromPrepared.total().bytesOnline()));
      }
      w.printf(Locale.ROOT, "predicted class %d%n", r.predicted());
      if (matches != null) {
        w.println("matches reference: " + matches);
      }
      if (agree != null) {
        w.println("float vs quantised top-1 agreement: " + Format.percent(agree.agreement()) + " of "
            + agree.images() + " test images (top-1 against the labels: float " + Format.percent(agree.floatTop1())
            + ", quantised " + Format.percent(agree.quantizedTop1()) + ")");
      }
    }
    w.flush();
    return matches == null || matches ? ExitCodes.OK : ExitCodes.INTERNAL;
  }

  private boolean inProcess() {
    return placement != null && placement.inProcess;
  }

  /** Whether the server is a thread of this process: asked for, or needed by an emulated bandwidth. */
  private boolean oneProcess() {
    return placement != null || bandwidth > 0;
  }

  /** One session prepared ahead of time, then its online phase alone (client material in a temporary folder). */
  private InferenceResult fromPrepared(PiModelOptions.Loaded m, double[] image) {
    Path root;
    try {
      root = Files.createTempDirectory("deepreshape-prepared-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for the prepared session: " + e.getMessage(), e);
    }
    try {
      return LocalRun.prepared(m.net(), m.info(), image, ChannelConfig.defaults(), root);
    } catch (ChannelException e) {
      throw new UserException(e.getMessage(), e);
    } finally {
      try (var s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder; the system cleans it at the latest
      }
    }
  }

  /** The server in a child JVM, this process the client, over TCP on 127.0.0.1. */
  private InferenceResult twoProcesses(PiModelOptions.Loaded m, double[] image,
      Consumer<String> sink) {
    List<String> serveArgs = new ArrayList<>(model.args());
    if (warmUp) {
      serveArgs.add("--warm-up");
    }
    try (ServerProcess server = ServerProcess.start(serveArgs)) {
      try (Channel c = TcpChannel.connect("127.0.0.1", server.port(), ChannelConfig.defaults())) {
        return ClientSession.expecting(m.info().graph()).withProgress(sink).run(c, i -> image);
      }
    }
  }

  private double[] image(PiModelOptions.Loaded m) {
    if (m.run() != null) {
      ImageDataset ds = testSet(m.run());
      if (index < 0 || index >= ds.size()) {
        throw new UserException("--index " + index + " is outside the test set of " + ds.size()
            + " images");
      }
      return RunModel.image(ds, index, m.info().mean(), m.info().std());
    }
    SplittableRandom rnd = new SplittableRandom(model.seed + 7);
    double[] x = new double[m.net().program().inputElements()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextDouble(-2, 2);
    }
    return x;
  }

  private ImageDataset testSet(RunModel run) {
    Path dir = data != null ? data : run.data().dataPath();
    return Datasets.open(run.data().dataset(), dir, Split.TEST);
  }

  /** The latency model's estimate for the same network, for comparison with the measurement. */
  private LatencyEstimate estimate(PiModelOptions.Loaded m) {
    return LatencyModel.estimate(Accounting.of(m.info().graph()), Profiles.load(profile),
        Profiles.network(Profiles.DEFAULT_NETWORK));
  }

  private Agreement agreement(PiModelOptions.Loaded m) {
    if (m.run() == null) {
      throw new UserException("--agreement needs --run (a trained model and its test set)");
    }
    ImageDataset ds = testSet(m.run());
    int n = Math.min(agreement, ds.size());
    ProgressLine.Counter images = progressLine().counter("agreement", n, "images");
    return Agreement.measure(m.net(), m.info(), ds, n, images::update);
  }

  /** Step lines and counts to standard error, live on a terminal, or nothing with {@code --no-progress}. */
  private ProgressLine progressLine() {
    return new ProgressLine(spec.commandLine().getErr(), progress ? ProgressLine.Mode.AUTO : ProgressLine.Mode.OFF);
  }
}
