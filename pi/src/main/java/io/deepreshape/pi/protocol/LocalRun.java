package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.channel.ThrottledChannel;
import io.deepreshape.pi.quant.QuantNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Both parties on this machine (PI-ENGINE.md section 4, {@code pi measure}): the server on its own
 * thread, the client on the caller's, over TCP on 127.0.0.1 or an in-process channel pair.
 */
public final class LocalRun {
  private LocalRun() {}

  /**
   * Runs one inference of {@code image} against {@code net}; {@code view} (nullable) sees what the
   * server receives online. A failure of either side surfaces as a {@link ChannelException}.
   */
  public static InferenceResult run(QuantNetwork net, ServerInfo info, double[] image,
      boolean inProcess, ChannelConfig config, Consumer<long[]> view) {
    return run(net, info, image, inProcess, config, view, 0, 0);
  }

  /**
   * As {@link #run(QuantNetwork, ServerInfo, double[], boolean, ChannelConfig, Consumer)}, with
   * both ends throttled to {@code bitsPerSecond} and {@code rttMillis} when the bandwidth is
   * positive (LAN/WAN emulation).
   */
  public static InferenceResult run(QuantNetwork net, ServerInfo info, double[] image,
      boolean inProcess, ChannelConfig config, Consumer<long[]> view, double bitsPerSecond,
      double rttMillis) {
    return run(net, info, image, inProcess, config, view, bitsPerSecond, rttMillis, line -> { });
  }

  /** As above, with one progress line per finished step and phase sent to {@code progress}. */
  public static InferenceResult run(QuantNetwork net, ServerInfo info, double[] image,
      boolean inProcess, ChannelConfig config, Consumer<long[]> view, double bitsPerSecond,
      double rttMillis, Consumer<String> progress) {
    Function<ServerInfo, double[]> img = i -> image;
    if (inProcess) {
      InProcessChannel[] pair = InProcessChannel.pair(config);
      CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
        try (Channel ch = throttle(pair[0], bitsPerSecond, rttMillis)) {
          new ServerSession(net, info, view).run(ch);
        }
      });
      try (Channel ch = throttle(pair[1], bitsPerSecond, rttMillis)) {
        return client(ch, info, img, progress, server);
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
        try (Channel ch = throttle(TcpChannel.accept(socket, config), bitsPerSecond,
            rttMillis)) {
          new ServerSession(net, info, view).run(ch);
        }
      });
      try (Channel ch = throttle(TcpChannel.connect("127.0.0.1", socket.getLocalPort(), config),
          bitsPerSecond, rttMillis)) {
        return client(ch, info, img, progress, server);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback socket: " + e.getMessage(), e);
    }
  }

  /**
   * Prepares one session ahead of time against a server in this process (over TCP on 127.0.0.1,
   * client material under {@code root}) and then runs only its online phase; returns that online
   * phase's result, the time a user of {@code pi infer --prepared} waits.
   */
  public static InferenceResult prepared(QuantNetwork net, ServerInfo info, double[] image,
      ChannelConfig config, Path root) {
    ServerLimits limits = ServerLimits.defaults(1, ServerLimits.DEFAULT_OFFLINE_MILLIS);
    StringBuilder log = new StringBuilder();
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, info, config,
        line -> log.append(line).append('\n'), limits,
        new PreparedSessions(1, ServerLimits.DEFAULT_OFFLINE_MILLIS))) {
      PreparedFolder folder = new PreparedFolder(root, "local");
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.port(), config)) {
        ClientSession.expecting(info.graph()).prepare(ch, folder);
      }
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.port(), config)) {
        return ClientSession.expecting(info.graph()).runPrepared(ch, folder, i -> image);
      }
    }
  }

  /** Runs the client; if it fails because the server did, the server's reason is reported. */
  private static InferenceResult client(Channel ch, ServerInfo info,
      Function<ServerInfo, double[]> img, Consumer<String> progress,
      CompletableFuture<Void> server) {
    InferenceResult r;
    try {
      r = ClientSession.expecting(info.graph()).withProgress(progress).run(ch, img);
    } catch (RuntimeException e) {
      Throwable cause = null;
      try {
        server.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException ex) {
        cause = ex.getCause();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      } catch (TimeoutException ex) {
        cause = null;
      }
      if (cause != null && !String.valueOf(e.getMessage()).startsWith("server failed")
          && !String.valueOf(cause.getMessage()).startsWith("client failed")) {
        throw new ChannelException("server failed: " + (cause instanceof OutOfMemoryError
            ? "out of memory (raise -Xmx)" : cause.getMessage()), cause);
      }
      throw e;
    }
    join(server);
    return r;
  }

  private static Channel throttle(Channel ch, double bitsPerSecond, double rttMillis) {
    return bitsPerSecond > 0 ? new ThrottledChannel(ch, bitsPerSecond, rttMillis) : ch;
  }

  private static void join(CompletableFuture<Void> server) {
    try {
      server.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
