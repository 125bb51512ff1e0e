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
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The inference server (PI-ENGINE.md section 4, {@code pi serve}): accepts TCP connections and runs
 * one {@link ServerSession} per connection, within {@link ServerLimits}. Every accepted connection
 * does its handshake on its own thread at once, bounded by the handshake deadline, so that idle or
 * slow clients delay nobody else; a client past its handshake waits for one of the session slots;
 * a connection beyond the limit is told at once that the server is busy. A session that fails (a
 * bad peer, a disconnect, a deadline, a shape mismatch) is logged as one line and never stops the
 * server.
 */
public final class PiServer implements AutoCloseable {
  /** How long a refused connection is given to read the refusal. */
  private static final int REFUSAL_WAIT_MILLIS = 500;
  private static final int REFUSALS_QUEUED = 64;

  private final ServerSocket socket;
  private final QuantNetwork net;
  private final ServerInfo info;
  private final ChannelConfig config;
  private final ServerLimits limits;
  private final PreparedSessions prepared;
  private final EncodedKernels kernels;
  private final Consumer<String> log;
  private final Semaphore slots;
  private final ExecutorService connections;
  private final ExecutorService refusals;
  private final Thread acceptor;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Socket> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean closed;

  private PiServer(ServerSocket socket, QuantNetwork net, ServerInfo info, ChannelConfig config,
      Consumer<String> log, ServerLimits limits, PreparedSessions prepared,
      EncodedKernels kernels) {
    this.socket = socket;
    this.prepared = prepared;
    this.kernels = kernels;
    this.net = net;
    this.info = info;
    this.config = config;
    this.limits = limits;
    this.log = log;
    this.slots = new Semaphore(limits.sessions(), true);
    this.connections = Executors.newCachedThreadPool(daemons("pi-session"));
    this.refusals = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(REFUSALS_QUEUED), daemons("pi-refuse"));
    this.acceptor = new Thread(this::acceptLoop, "pi-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Listens on {@code bind:port} (port 0 picks a free one) and serves {@code net} within {@code
   * limits}; {@code config} gives the read timeout; {@code log} receives one line per event.
   */
  public static PiServer start(String bind, int port, QuantNetwork net, ServerInfo info,
      ChannelConfig config, Consumer<String> log, ServerLimits limits) {
    return start(bind, port, net, info, config, log, limits, PreparedSessions.defaults());
  }

  /** {@link #start} keeping prepared sessions' halves in {@code prepared}. */
  public static PiServer start(String bind, int port, QuantNetwork net, ServerInfo info,
      ChannelConfig config, Consumer<String> log, ServerLimits limits,
      PreparedSessions prepared) {
    return start(bind, port, net, info, config, log, limits, prepared, EncodedKernels.none());
  }

  /**
   * {@link #start} keeping prepared sessions' halves in {@code prepared} and taking the model's
   * encoded kernels from {@code kernels} ({@link EncodedKernels#encode} of {@code net}).
   */
  public static PiServer start(String bind, int port, QuantNetwork net, ServerInfo info,
      ChannelConfig config, Consumer<String> log, ServerLimits limits,
      PreparedSessions prepared, EncodedKernels kernels) {
    try {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
      PiServer server = new PiServer(s, net, info, config, log, limits, prepared, kernels);
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

  /** Sessions that failed, including clients cut off by a deadline or turned away after waiting. */
  public int failed() {
    return failed.get();
  }

  /** Connections turned away at once because the server had as many as its limits allow. */
  public int refused() {
    return refused.get();
  }

  /** Connections open now: in their handshake, waiting for a slot or in a session. */
  public int open() {
    return open.get();
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
      long accepted = System.nanoTime();
      if (open.incrementAndGet() > limits.connections()) {
        open.decrementAndGet();
        refuse(s);
        continue;
      }
      live.add(s);
      try {
        connections.execute(() -> connection(s, accepted));
      } catch (RejectedExecutionException e) {
        live.remove(s);
        open.decrementAndGet();
        closeQuietly(s);
      }
    }
  }

  private void refuse(Socket s) {
    int n = refused.incrementAndGet();
    String why = String.format("%d connections are open (%d sessions at once, %d waiting); "
        + "try again later", limits.connections(), limits.sessions(), limits.queue());
    if (n == 1 || Integer.bitCount(n) == 1) {
      log.accept("connection " + s.getRemoteSocketAddress() + " turned away (" + n
          + " so far): " + why);
    }
    try {
      refusals.execute(() -> TcpChannel.refuse(s, Msg.BUSY, why.getBytes(StandardCharsets.UTF_8),
          REFUSAL_WAIT_MILLIS));
    } catch (RejectedExecutionException e) {
      closeQuietly(s);
    }
  }

  private void connection(Socket s, long accepted) {
    String peer = String.valueOf(s.getRemoteSocketAddress());
    long deadline = accepted + TimeUnit.MILLISECONDS.toNanos(limits.handshakeMillis());
    try (TcpChannel ch = TcpChannel.over(s, config, "client", deadline,
        SessionBudget.handshakeReason(limits))) {
      new ServerSession(net, info, null, SessionBudget.of(limits, slots), prepared,
          kernels).run(ch);
      served.incrementAndGet();
      log.accept(String.format("session %s: done in %.2f s", peer,
          (System.nanoTime() - accepted) / 1e9));
    } catch (RuntimeException e) {
      failed.incrementAndGet();
      log.accept("session " + peer + " failed: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      failed.incrementAndGet();
      log.accept("session " + peer + " failed: out of memory");
    } finally {
      live.remove(s);
      open.decrementAndGet();
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
    refusals.shutdownNow();
    connections.shutdownNow();
    for (Socket s : live) {
      closeQuietly(s);
    }
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do for a socket we are dropping
    }
  }
}
