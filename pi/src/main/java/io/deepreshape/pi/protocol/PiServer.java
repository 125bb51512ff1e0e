package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.QuantNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The inference server (PI-ENGINE.md section 4, {@code pi serve}): accepts TCP connections and runs
 * one {@link ServerSession} per connection on a small pool of threads. A session that fails (a bad
 * peer, a disconnect, a shape mismatch) is logged as one line and never stops the server.
 */
public final class PiServer implements AutoCloseable {
  private final ServerSocket socket;
  private final QuantNetwork net;
  private final ServerInfo info;
  private final ChannelConfig config;
  private final Consumer<String> log;
  private final ExecutorService sessions;
  private final Thread acceptor;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile boolean closed;

  private PiServer(ServerSocket socket, QuantNetwork net, ServerInfo info, ChannelConfig config,
      Consumer<String> log, int threads) {
    this.socket = socket;
    this.net = net;
    this.info = info;
    this.config = config;
    this.log = log;
    this.sessions = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "pi-session");
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::acceptLoop, "pi-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Listens on {@code bind:port} (port 0 picks a free one) and serves {@code net}; {@code log}
   * receives one line per event.
   */
  public static PiServer start(String bind, int port, QuantNetwork net, ServerInfo info,
      ChannelConfig config, Consumer<String> log, int threads) {
    try {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 16);
      PiServer server = new PiServer(s, net, info, config, log, threads);
      server.acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** The port listened on. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Sessions that completed. */
  public int served() {
    return served.get();
  }

  /** Sessions that failed. */
  public int failed() {
    return failed.get();
  }

  /** Blocks until the server is closed. */
  public void await() throws InterruptedException {
    acceptor.join();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (SocketException e) {
        if (!closed) {
          log.accept("accept failed: " + e.getMessage());
        }
        return;
      } catch (IOException e) {
        log.accept("accept failed: " + e.getMessage());
        continue;
      }
      sessions.execute(() -> session(s));
    }
  }

  private void session(Socket s) {
    String peer = String.valueOf(s.getRemoteSocketAddress());
    long t0 = System.nanoTime();
    try (TcpChannel ch = TcpChannel.over(s, config)) {
      new ServerSession(net, info, null).run(ch);
      served.incrementAndGet();
      log.accept(String.format("session %s: done in %.2f s", peer,
          (System.nanoTime() - t0) / 1e9));
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      log.accept("session " + peer + " failed: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      failed.incrementAndGet();
      log.accept("session " + peer + " failed: out of memory");
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a listening socket that is already closed
    }
    sessions.shutdownNow();
    try {
      sessions.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
