package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.ForwardingChannel;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pi prepare} and {@code pi infer --prepared} over TCP on 127.0.0.1 against a real {@link
 * PiServer}: the online phase from prepared material reproduces the reference's logits exactly;
 * material is used once on both sides (a copy kept by the client is refused); an interrupted
 * prepare leaves nothing usable on either side; a restarted server names every session that is
 * gone; the server's count and age limits refuse and expire.
 */
@Timeout(120)
class PreparedSessionTest {
  private static final ServerLimits LIMITS = ServerLimits.defaults(2, 10_000);
  private final QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 3);
  private final double[] image = Nets.image(3, net.program().inputElements());
  private final long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
  private final String shape = HexFormat.of().formatHex(ShapeHash.of(net.program().spec(),
      net.config()));

  @TempDir
  Path root;

  @Test
  void preparedSessionsMatchTheReferenceAndAreUsedOnceOnBothSides() throws Exception {
    PreparedSessions held = new PreparedSessions(4, 60_000);
    try (PiServer server = start(held)) {
      PreparedFolder folder = new PreparedFolder(root, "local");
      String a = prepare(server, folder);
      String b = prepare(server, folder);
      assertThat(a).isNotEqualTo(b).startsWith(held.instance() + "-");
      assertThat(folder.count(shape)).isEqualTo(2);
      assertThat(held.size()).isEqualTo(2);
      Path copy = root.resolve("copy");
      copyTree(folder.dir().resolve(a), copy);
      InferenceResult r = infer(server, folder);
      assertThat(r.logits()).isEqualTo(want);
      assertThat(r.total().bytesOffline())
          .as("no offline traffic from prepared material").isLessThan(1000);
      assertThat(held.size()).isEqualTo(1);
      assertThat(folder.count(shape)).isEqualTo(1);
      assertThat(infer(server, folder).logits()).isEqualTo(want);
      assertThat(held.size()).isZero();
      assertThat(leftovers(folder)).isEmpty();
      copyTree(copy, folder.dir().resolve(a));
      assertThatThrownBy(() -> infer(server, folder))
          .isInstanceOf(ChannelException.class)
          .hasMessageContaining("prepared session " + a + " is not held by the server: it was"
              + " used already or expired");
      assertThat(leftovers(folder)).as("the refused copy is deleted").isEmpty();
      assertThatThrownBy(() -> infer(server, folder))
          .hasMessageContaining("no prepared session for tiny-basic");
    }
  }

  @Test
  void anInterruptedPrepareLeavesNothingUsable() throws Exception {
    PreparedSessions held = new PreparedSessions(1, 60_000);
    try (PiServer server = start(held)) {
      PreparedFolder folder = new PreparedFolder(root, "local");
      assertThatThrownBy(() -> {
        try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.port(), Nets.CONFIG)) {
          new ClientSession(null).prepare(hangUpAfter(ch, 12), folder);
        }
      }).isInstanceOf(ChannelException.class);
      assertThat(folder.count(shape)).isZero();
      assertThat(leftovers(folder)).isEmpty();
      // the server gave its reservation back: its one slot serves the next prepare
      awaitFailed(server, 1);
      assertThat(held.size()).isZero();
      prepare(server, folder);
      assertThat(infer(server, folder).logits()).isEqualTo(want);
    }
  }

  @Test
  void aRestartedServerNamesEverySessionThatIsGone() throws Exception {
    PreparedFolder folder = new PreparedFolder(root, "local");
    String a;
    String b;
    try (PiServer first = start(new PreparedSessions(4, 60_000))) {
      a = prepare(first, folder);
      b = prepare(first, folder);
    }
    try (PiServer second = start(new PreparedSessions(4, 60_000))) {
      assertThatThrownBy(() -> infer(second, folder))
          .isInstanceOf(ChannelException.class)
          .hasMessageContaining("made by an earlier run of the server, which restarted")
          .hasMessageContaining("gone with it and deleted here: " + a + ", " + b);
      assertThat(folder.count(shape)).isZero();
      assertThat(leftovers(folder)).isEmpty();
    }
  }

  @Test
  void theServersCountAndAgeLimitsRefuseAndExpire() throws Exception {
    try (PiServer server = start(new PreparedSessions(1, 60_000))) {
      PreparedFolder folder = new PreparedFolder(root, "count");
      prepare(server, folder);
      assertThatThrownBy(() -> prepare(server, folder))
          .hasMessageContaining("the server holds its limit of 1 prepared sessions");
      assertThat(folder.count(shape)).isEqualTo(1);
    }
    try (PiServer server = start(new PreparedSessions(2, 200))) {
      PreparedFolder folder = new PreparedFolder(root, "age");
      prepare(server, folder);
      Thread.sleep(400);
      assertThatThrownBy(() -> infer(server, folder))
          .hasMessageContaining("expired (sessions are kept 0.200 s)");
    }
  }

  private PiServer start(PreparedSessions held) {
    return PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG, line -> { }, LIMITS,
        held);
  }

  private static String prepare(PiServer server, PreparedFolder folder) {
    try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.port(), Nets.CONFIG)) {
      return new ClientSession(null).prepare(ch, folder);
    }
  }

  private InferenceResult infer(PiServer server, PreparedFolder folder) {
    try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.port(), Nets.CONFIG)) {
      return new ClientSession(null).runPrepared(ch, folder, info -> image);
    }
  }

  /** A channel that fails on its {@code n}-th send, as a client killed mid-prepare. */
  private static Channel hangUpAfter(TcpChannel ch, int n) {
    return new ForwardingChannel(ch) {
      private int sent;

      @Override
      public void send(byte type, byte[] payload, int off, int len) {
        if (++sent >= n) {
          ch.close();
          throw new ChannelException("client killed");
        }
        super.send(type, payload, off, len);
      }
    };
  }

  private static void awaitFailed(PiServer server, int failed) throws InterruptedException {
    for (int i = 0; i < 200 && server.failed() < failed; i++) {
      Thread.sleep(20);
    }
  }

  private static List<Path> leftovers(PreparedFolder folder) throws Exception {
    if (!Files.isDirectory(folder.dir())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder.dir())) {
      return s.toList();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
