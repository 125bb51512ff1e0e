package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile clients against {@link PiServer} on loopback (issue 15): idle connections, clients that
 * drip one byte at a time, first messages announcing 1 GiB and more connections than the server
 * allows. Afterwards, and while they are open, a real client is served within its normal time plus
 * the handshake deadline, the heap stays within a bound, and clients over the limit are told the
 * server is busy. The deadlines are a second or two so that the test takes seconds; the read
 * timeout (30 s) is longer than every deadline, so only the deadlines can cut the attackers.
 */
@Timeout(60)
class HostileClientTest {
  private static final ServerLimits LIMITS = new ServerLimits(1, 10, 1000, 1500, 3000, 3000);
  private static final long SLACK_MILLIS = 2000;
  private static final long HEAP_BOUND = 16L << 20;

  private final List<Socket> sockets = new ArrayList<>();
  /** One thread per attacker: the common pool may have a single thread on a small machine. */
  private final ExecutorService attackers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-client");
    t.setDaemon(true);
    return t;
  });

  @Test
  void idleSlowOversizedAndManyClientsNeitherStallTheServerNorGrowItsMemory() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 5);
    List<String> log = new CopyOnWriteArrayList<>();
    double[] image = Nets.image(3);
    long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        log::add, LIMITS)) {
      int port = server.port();
      long normal = infer(port, image, want);
      long heapBefore = usedHeap();

      for (int i = 0; i < 4; i++) {
        connect(port);
      }
      List<CompletableFuture<Long>> drips = List.of(drip(port), drip(port));
      List<CompletableFuture<String>> oversized = List.of(oversized(port), oversized(port));
      long attacked = infer(port, image, want);
      assertThat(attacked).as("ms for a real client beside 4 idle, 2 dripping and 2 oversized")
          .isLessThan(normal + LIMITS.handshakeMillis() + SLACK_MILLIS);
      for (CompletableFuture<String> o : oversized) {
        assertThat(o.get(5, TimeUnit.SECONDS))
            .contains("announced a message of 1073741824 bytes")
            .contains("outside the limit of 1024 bytes before the handshake");
      }
      long heapDuring = usedHeap();
      assertThat(heapDuring - heapBefore).as("heap growth with the attackers connected")
          .isLessThan(HEAP_BOUND);

      awaitTrue(() -> server.open() == 0, LIMITS.handshakeMillis() + SLACK_MILLIS);
      for (CompletableFuture<Long> d : drips) {
        assertThat(d.get(5, TimeUnit.SECONDS)).as("ms a dripping client was kept")
            .isLessThan(LIMITS.handshakeMillis() + SLACK_MILLIS);
      }
      assertThat(log.stream().filter(l -> l.contains("did not complete the handshake within 1 s")))
          .hasSizeGreaterThanOrEqualTo(6);

      List<DataInputStream> queued = new ArrayList<>();
      for (int i = 0; i < LIMITS.connections(); i++) {
        queued.add(handshake(port, ShapeHash.of(net.program().spec(), net.config())));
      }
      awaitTrue(() -> server.open() == LIMITS.connections(), SLACK_MILLIS);
      for (int i = 0; i < 3; i++) {
        assertThat(refusal(port)).contains("try again later");
      }
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
        assertThatThrownBy(() -> new ClientSession(null).run(ch, x -> image))
            .isInstanceOf(PeerBusyException.class)
            .hasMessageStartingWith("server busy: ")
            .hasMessageContaining("try again later")
            .hasMessageNotContaining("\n");
      }
      assertThat(server.refused()).isEqualTo(4);
      int busyAfterWaiting = 0;
      for (DataInputStream in : queued) {
        Frame f = frame(in);
        if (f.type() == Msg.BUSY) {
          assertThat(f.text()).contains("stayed taken for 1.500 s; try again later");
          busyAfterWaiting++;
        }
      }
      assertThat(busyAfterWaiting).as("clients turned away after waiting for a free session")
          .isEqualTo(LIMITS.connections() - LIMITS.sessions());
      closeAll();
      awaitTrue(() -> server.open() == 0, LIMITS.offlineMillis() + SLACK_MILLIS);

      long after = infer(port, image, want);
      assertThat(after).isLessThan(normal + SLACK_MILLIS);
      assertThat(usedHeap() - heapBefore).as("heap growth after the attacks").isLessThan(HEAP_BOUND);
      assertThat(log).noneMatch(l -> l.contains("\n"));
    } finally {
      closeAll();
    }
  }

  /**
   * The attacks succeed against what the limits replace: a dripping client keeps its connection
   * for as long as the handshake deadline allows (here 30 s, the old per-read bound), and a channel
   * with the old 1 GiB limit takes a 24 MiB first message from a peer it knows nothing about.
   */
  @Test
  void theAttacksWorkWithoutTheLimits() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 5);
    ServerLimits weak = new ServerLimits(1, 10, 30_000, 1500, 3000, 3000);
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        line -> { }, weak)) {
      CompletableFuture<Long> d = drip(server.port());
      Thread.sleep(2 * LIMITS.handshakeMillis());
      assertThat(d).isNotDone();
      assertThat(server.open()).isEqualTo(1);
    } finally {
      closeAll();
    }
    int size = 24 << 20;
    try (ServerSocket listen = new ServerSocket(0)) {
      CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> {
        try (TcpChannel ch = TcpChannel.accept(listen, ChannelConfig.defaults())) {
          return ch.receive(Msg.HELLO);
        }
      }, attackers);
      Socket s = connect(listen.getLocalPort());
      OutputStream out = s.getOutputStream();
      out.write(RawPeer.GREETING);
      out.write(new byte[] {Msg.HELLO, (byte) (size >>> 24), (byte) (size >>> 16), 0, 0});
      out.write(new byte[size]);
      out.flush();
      assertThat(got.get(20, TimeUnit.SECONDS)).hasSize(size);
    } finally {
      closeAll();
    }
  }

  /**
   * A client past its handshake that keeps sending a byte every 200 ms (never silent for the 30 s
   * read timeout) is cut at the offline deadline counted from the phase's start, and is told so in
   * one line saying that the server was waiting for it.
   */
  @Test
  void aClientDrippingAfterItsHandshakeIsCutAtThePhaseDeadline() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 5);
    ServerLimits limits = new ServerLimits(1, 4, 5000, 1500, 1000, 1000);
    List<String> log = new CopyOnWriteArrayList<>();
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        log::add, limits)) {
      DataInputStream in = handshake(server.port(),
          ShapeHash.of(net.program().spec(), net.config()));
      assertThat(frame(in).type()).isEqualTo(Msg.READY);
      long t0 = System.nanoTime();
      OutputStream out = sockets.get(sockets.size() - 1).getOutputStream();
      for (byte b : new byte[] {0x20, 0, 0, 0}) {
        out.write(b);
        out.flush();
        Thread.sleep(200);
      }
      Frame f = frame(in);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(f.type()).isEqualTo(Msg.ERROR);
      assertThat(f.text()).isEqualTo("server: the session's offline phase passed its deadline of"
          + " 1 s (waiting for the client)");
      assertThat(ms).as("ms from READY to the cut")
          .isBetween(limits.offlineMillis() - 300, limits.offlineMillis() + SLACK_MILLIS);
      awaitTrue(() -> server.failed() == 1 && server.open() == 0, SLACK_MILLIS);
    }
  }

  /** One real inference; returns its wall time in ms. */
  private static long infer(int port, double[] image, long[] want) {
    long t0 = System.nanoTime();
    try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
      assertThat(new ClientSession(null).run(ch, x -> image).logits()).isEqualTo(want);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private Socket connect(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    sockets.add(s);
    return s;
  }

  /** A client sending the greeting and a HELLO one byte every 200 ms; ends with the ms it lasted. */
  private CompletableFuture<Long> drip(int port) throws IOException {
    Socket s = connect(port);
    byte[] bytes = new byte[RawPeer.GREETING.length + 5 + 32];
    System.arraycopy(RawPeer.GREETING, 0, bytes, 0, RawPeer.GREETING.length);
    bytes[RawPeer.GREETING.length] = Msg.HELLO;
    bytes[RawPeer.GREETING.length + 4] = 32;
    long t0 = System.nanoTime();
    return CompletableFuture.supplyAsync(() -> {
      try {
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 200; i++) {
          out.write(bytes[i % bytes.length]);
          out.flush();
          Thread.sleep(200);
        }
      } catch (IOException e) {
        return (System.nanoTime() - t0) / 1_000_000;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Long.MAX_VALUE;
    }, attackers);
  }

  /** A client announcing a 1 GiB first message; ends with the server's error report. */
  private CompletableFuture<String> oversized(int port) throws IOException {
    Socket s = connect(port);
    return CompletableFuture.supplyAsync(() -> {
      try {
        OutputStream out = s.getOutputStream();
        out.write(RawPeer.GREETING);
        out.write(new byte[] {Msg.HELLO, 0x40, 0, 0, 0});
        out.flush();
        DataInputStream in = greeted(s);
        assertThat(frame(in).type()).isEqualTo(Msg.INFO);
        Frame error = frame(in);
        assertThat(error.type()).isEqualTo(Msg.ERROR);
        return error.text();
      } catch (IOException e) {
        return "failed: " + e;
      }
    }, attackers);
  }

  /** A client that greets and names the right network, then reads nothing more. */
  private DataInputStream handshake(int port, byte[] hash) throws IOException {
    Socket s = connect(port);
    OutputStream out = s.getOutputStream();
    out.write(RawPeer.GREETING);
    byte[] hello = Hello.of(hash);
    out.write(new byte[] {Msg.HELLO, 0, 0, 0, (byte) hello.length});
    out.write(hello);
    out.flush();
    DataInputStream in = greeted(s);
    assertThat(frame(in).type()).isEqualTo(Msg.INFO);
    return in;
  }

  /** A connection over the limit: the server's greeting, then a BUSY message; returns its text. */
  private String refusal(int port) throws IOException {
    Socket s = connect(port);
    s.getOutputStream().write(RawPeer.GREETING);
    Frame f = frame(greeted(s));
    assertThat(f.type()).isEqualTo(Msg.BUSY);
    return f.text();
  }

  private static DataInputStream greeted(Socket s) throws IOException {
    s.setSoTimeout(10_000);
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] g = new byte[RawPeer.GREETING.length];
    in.readFully(g);
    assertThat(g).isEqualTo(RawPeer.GREETING);
    return in;
  }

  private record Frame(byte type, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private static Frame frame(DataInputStream in) throws IOException {
    byte type = in.readByte();
    byte[] payload = new byte[in.readInt()];
    in.readFully(payload);
    return new Frame(type, payload);
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 2; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void awaitTrue(BooleanSupplier condition, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("condition within " + millis + " ms").isTrue();
  }

  @AfterEach
  void stopAttackers() {
    closeAll();
    attackers.shutdownNow();
  }

  private void closeAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed by the server
      }
    }
    sockets.clear();
  }
}
