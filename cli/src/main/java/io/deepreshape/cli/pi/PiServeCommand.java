package io.deepreshape.cli.pi;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.protocol.EncodedKernels;
import io.deepreshape.pi.protocol.PiServer;
import io.deepreshape.pi.protocol.PreparedSessions;
import io.deepreshape.pi.protocol.ServerLimits;
import io.deepreshape.pi.protocol.ShapeHash;
import io.deepreshape.pi.protocol.WarmUp;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pi serve}: loads a trained run (or random weights for a spec) and serves secure inference,
 * one session per connection; a bad client costs one log line, never the server, and an idle,
 * slow or oversized client holds a connection for at most the stated deadlines.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve private inference of a trained network: waits for clients, one session per connection.",
        "Each connection has --handshake-timeout seconds to greet and name its network (its first message may be"
            + " at most 1 KiB; later ones at most what the network needs), then waits up to --queue-timeout for one"
            + " of the --threads sessions, which has --offline-timeout and --online-timeout seconds for its phases."
            + " Beyond --threads + --queue open connections a client is told the server is busy."})
public final class PiServeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  PiModelOptions model;

  @Option(names = "--port", defaultValue = "7461", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--threads", defaultValue = "2", description = "Sessions served at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--queue", defaultValue = "32",
      description = "Connections accepted beyond the running sessions (in their handshake or waiting);"
          + " more are told the server is busy (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds from connecting until a client has greeted and named its network (default: ${DEFAULT-VALUE}).")
  int handshakeTimeout;

  @Option(names = "--queue-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds a client past its handshake waits for a free session before it is told the server is"
          + " busy; keep it below the clients' --timeout (default: ${DEFAULT-VALUE}).")
  int queueTimeout;

  @Option(names = "--offline-timeout", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Seconds a session's offline phase may take in all (default: ${DEFAULT-VALUE}).")
  int offlineTimeout;

  @Option(names = "--online-timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "Seconds a session's online phase may take in all (default: ${DEFAULT-VALUE}).")
  int onlineTimeout;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Seconds a client may stay silent within a phase (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--prepared-max", defaultValue = "4",
      description = "Prepared sessions ('pi prepare') the server keeps at once, in memory (ResNet18 on CIFAR-100:"
          + " about 340 MB each); more prepares are refused; 0 refuses all (default: ${DEFAULT-VALUE}).")
  int preparedMax;

  @Option(names = "--prepared-ttl", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Seconds a prepared session is kept before it expires; a restart loses all (default: ${DEFAULT-VALUE}).")
  int preparedTtl;

  @Option(names = "--warm-up",
      description = "Before listening, run two untimed inferences of a small network (" + WarmUp.NETWORK + ", a whole one and a prepared one) in this"
          + " process, so that the first client meets compiled code like later ones.")
  boolean warmUp;

  @Option(names = "--kernel-cache", paramLabel = "MiB",
      description = "Memory for the model's kernel polynomials, encoded once at start instead of in every offline"
          + " phase (ResNet18 on CIFAR-100: 3,870 MiB); layers beyond it are encoded per session; 0 caches none"
          + " (default: half the maximum heap).")
  Long kernelCacheMib;

  @Option(names = "--sessions", defaultValue = "0",
      description = "Exit after this many sessions, good or failed (0: serve until stopped).")
  int sessions;

  @Override
  public Integer call() throws InterruptedException {
    ServerLimits limits = limits();
    ChannelConfig config = new ChannelConfig(ChannelConfig.DEFAULT_MAX_MESSAGE_BYTES,
        Seconds.millis("--timeout", timeout));
    PiModelOptions.Loaded m = model.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (warmUp) {
      PiReport.warmUp(err);
    }
    EncodedKernels kernels = kernels(m, err);
    PiServer started;
    try {
      started = PiServer.start(bind, port, m.net(), m.info(), config, line -> {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }, limits, prepared(), kernels);
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
    try (PiServer server = started) {
      out.printf(Locale.ROOT, "serving %s (%s weights, shape %s, l=%d, s=%d, %s ReLUs) on %s:%d%n",
          m.info().graph().name(), m.run() == null ? "random" : "trained",
          ShapeHash.shortHex(ShapeHash.of(m.info().graph(), m.net().config())), m.net().config().l(),
          m.net().config().s(), Format.count(io.deepreshape.accounting.Accounting.of(m.info().graph()).relus()),
          bind, server.port());
      out.flush();
      if (sessions > 0) {
        while (server.served() + server.failed() < sessions) {
          Thread.sleep(50);
        }
      } else {
        server.await();
      }
    }
    return ExitCodes.OK;
  }

  private EncodedKernels kernels(PiModelOptions.Loaded m, PrintWriter err) {
    if (kernelCacheMib != null && (kernelCacheMib < 0 || kernelCacheMib > Long.MAX_VALUE >> 20)) {
      throw new UserException("--kernel-cache must be 0 or more MiB, got " + kernelCacheMib);
    }
    long budget = kernelCacheMib == null ? Runtime.getRuntime().maxMemory() / 2 : kernelCacheMib << 20;
    long start = System.nanoTime();
    EncodedKernels k = EncodedKernels.encode(m.net(), budget);
    long encoded = System.nanoTime();
    // Move the cache, gigabytes that live as long as the server, to the old generation now: left
    // in the young one, the first session's young collections copied it there (a third of a second
    // each, and a page fault per fresh page of the copies) while that session's offline phase ran.
    System.gc();
    err.printf(Locale.ROOT, "encoded kernels: %s of %s polynomials cached (%s of %s MiB) in %.1f s,"
        + " heap collected in %.1f s%n",
        Format.count(k.cachedPolynomials()), Format.count(k.totalPolynomials()),
        Format.count(k.cachedBytes() >> 20), Format.count(k.totalBytes() >> 20),
        (encoded - start) / 1e9, (System.nanoTime() - encoded) / 1e9);
    err.flush();
    return k;
  }

  private PreparedSessions prepared() {
    if (preparedMax < 0) {
      throw new UserException("--prepared-max must be 0 or more, got " + preparedMax);
    }
    return new PreparedSessions(preparedMax, Seconds.millis("--prepared-ttl", preparedTtl));
  }

  private ServerLimits limits() {
    if (threads < 1) {
      throw new UserException("--threads must be at least 1, got " + threads);
    }
    if (queue < 1) {
      throw new UserException("--queue must be at least 1, got " + queue);
    }
    if (sessions < 0) {
      throw new UserException("--sessions must be 0 (serve until stopped) or more, got " + sessions);
    }
    if ((long) threads + queue > Integer.MAX_VALUE) {
      throw new UserException("--threads plus --queue must be at most " + Integer.MAX_VALUE);
    }
    return new ServerLimits(threads, queue, Seconds.millis("--handshake-timeout", handshakeTimeout),
        Seconds.millis("--queue-timeout", queueTimeout), Seconds.millis("--offline-timeout", offlineTimeout),
        Seconds.millis("--online-timeout", onlineTimeout));
  }
}
