package io.deepreshape.cli.pi;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.protocol.PiServer;
import io.deepreshape.pi.protocol.ShapeHash;
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
 * one session per connection; a bad client costs one log line, never the server.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve private inference of a trained network: waits for clients, one session per connection.")
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

  @Option(names = "--sessions", defaultValue = "0",
      description = "Exit after this many sessions, good or failed (0: serve until stopped).")
  int sessions;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for a silent client (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Override
  public Integer call() throws InterruptedException {
    PiModelOptions.Loaded m = model.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChannelConfig config = new ChannelConfig(ChannelConfig.DEFAULT_MAX_MESSAGE_BYTES, timeout * 1000);
    PiServer started;
    try {
      started = PiServer.start(bind, port, m.net(), m.info(), config, line -> {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }, Math.max(1, threads));
    } catch (UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
    try (PiServer server = started) {
      out.printf(Locale.ROOT, "serving %s (%s weights, shape %s, l=%d, s=%d, %s ReLUs) on %s:%d%n",
          m.info().spec().name(), m.run() == null ? "random" : "trained",
          ShapeHash.shortHex(ShapeHash.of(m.info().spec(), m.net().config())), m.net().config().l(),
          m.net().config().s(), Format.count(io.deepreshape.accounting.Accounting.of(m.info().spec()).relus()),
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
}
