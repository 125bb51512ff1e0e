package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.Phase;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad peers tried as a new user would (issue 9): garbage bytes, a truncated message, a disconnect
 * in the offline and in the online phase and a network-shape mismatch each give one line on the
 * other side; the server survives all of them and then serves a good client.
 */
@Timeout(120)
class BadPeerTest {

  @Test
  void theServerSurvivesBadPeersAndThenServesAGoodClient() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 21);
    List<String> log = new CopyOnWriteArrayList<>();
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        log::add, ServerLimits.defaults(1, 30_000))) {
      int port = server.port();

      try (Socket s = new Socket("127.0.0.1", port)) {
        s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        drain(s.getInputStream());
      }
      awaitFailures(server, 1);
      awaitLog(log, "not a deepreshape pi peer");

      try (Socket s = new Socket("127.0.0.1", port)) {
        OutputStream out = s.getOutputStream();
        out.write(RawPeer.GREETING);
        out.write(new byte[] {0x42, 0, 0, 0, 32, 1, 2, 3});
        out.flush();
        s.shutdownOutput();
        drain(s.getInputStream());
      }
      awaitFailures(server, 2);
      awaitLog(log, "truncated message");

      for (Phase phase : Phase.values()) {
        int before = server.failed();
        long closedBefore = log.stream().filter(l -> l.contains("client closed the connection")).count();
        try (TcpChannel raw = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
          DroppingChannel ch = new DroppingChannel(raw, phase, phase == Phase.OFFLINE ? 3 : 2);
          assertThatThrownBy(() -> new ClientSession(null).run(ch, i -> Nets.image(1)))
              .isInstanceOf(ChannelException.class)
              .hasMessageContaining("disconnected in the " + phase);
        }
        awaitFailures(server, before + 1);
        awaitLog(log, "client closed the connection", closedBefore + 1);
        assertThat(log).noneMatch(l -> l.contains("\n"));
      }

      var other = Nets.basic(Map.of(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY));
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
        assertThatThrownBy(() -> new ClientSession(other).run(ch, i -> Nets.image(1)))
            .isInstanceOf(ChannelException.class)
            .hasMessageStartingWith("server failed: server: network shape mismatch")
            .hasMessageNotContaining("\n");
      }
      awaitFailures(server, 5);
      awaitLog(log, "network shape mismatch");
      assertThat(server.served()).isZero();

      double[] image = Nets.image(2);
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
        InferenceResult r = new ClientSession(null).run(ch, i -> image);
        assertThat(r.logits()).isEqualTo(
            PlainReference.signedLogits(net, net.quantizeInput(image)));
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while (server.served() < 1 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.served()).isEqualTo(1);
      assertThat(server.failed()).isEqualTo(5);
      for (String line : log) {
        assertThat(line).doesNotContain("\n");
      }
    }
  }

  private static void drain(InputStream in) {
    try {
      byte[] buf = new byte[4096];
      while (in.read(buf) >= 0) {
        // read until the server closes
      }
    } catch (java.io.IOException ignored) {
      // a reset also means the server hung up
    }
  }

  private static void awaitFailures(PiServer server, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (server.failed() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.failed()).isEqualTo(n);
  }

  /** The server counts a failure before it logs it, so wait for the line rather than read the last one. */
  private static void awaitLog(List<String> log, String text) throws InterruptedException {
    awaitLog(log, text, 1);
  }

  private static void awaitLog(List<String> log, String text, long times) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (log.stream().filter(l -> l.contains(text)).count() < times && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(log.stream().filter(l -> l.contains(text)).count()).as("log lines with '" + text + "'")
        .isGreaterThanOrEqualTo(times);
  }
}
