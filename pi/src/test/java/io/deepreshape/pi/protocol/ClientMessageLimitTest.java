package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ForwardingChannel;
import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.channel.Message;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's message limit after the handshake follows the network (issue 15): every message of
 * real sessions fits under it, it stays far below the old 1 GiB for a real preset, and one byte
 * more than it is refused at the header, before anything is allocated.
 */
@Timeout(60)
class ClientMessageLimitTest {

  @Test
  void everyMessageOfRealSessionsFitsAndTheFirstIsTiny() {
    for (NetworkSpec spec : List.of(Nets.basic(Map.of()), Nets.bottleneck(), Nets.wide(Map.of()))) {
      QuantNetwork net = Nets.quantized(spec, 3);
      InProcessChannel[] pair = InProcessChannel.pair(Nets.CONFIG);
      Largest server = new Largest(pair[0]);
      CompletableFuture<Void> s = CompletableFuture.runAsync(
          () -> new ServerSession(net, Nets.info(net), null).run(server));
      new ClientSession(null).run(pair[1], i -> Nets.image(4));
      s.join();
      int limit = ClientMessageLimit.of(net.program(), net.config());
      assertThat(server.first).as(spec.name() + " first message").isEqualTo(36);
      assertThat(server.largest).as(spec.name() + " largest message").isPositive()
          .isLessThanOrEqualTo(limit);
    }
  }

  @Test
  void aRealPresetNeedsMegabytesNotAGibibyte() {
    NetworkSpec resnet20 = Presets.build("resnet20", Dataset.CIFAR10);
    int limit = ClientMessageLimit.of(ProgramBuilder.shape(resnet20), QuantConfig.DEFAULT);
    assertThat(limit).isGreaterThanOrEqualTo(1 << 20).isLessThan(32 << 20);
  }

  @Test
  void oneByteOverTheLimitAfterTheHandshakeIsRefusedAtTheHeader() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 3);
    int limit = ClientMessageLimit.of(net.program(), net.config());
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        line -> { }, ServerLimits.defaults(1, 10_000))) {
      String over = errorAfterHandshake(server.port(), net, limit + 1);
      assertThat(over).contains("announced a message of " + (limit + 1) + " bytes")
          .contains("outside the limit of " + limit + " bytes for this network");
      String exact = errorAfterHandshake(server.port(), net, limit);
      assertThat(exact).contains("expected message type").doesNotContain("outside the limit");
    }
  }

  /** Greets, names the network, then announces and sends a message of {@code size} bytes. */
  private static String errorAfterHandshake(int port, QuantNetwork net, int size)
      throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] hello = Hello.of(ShapeHash.of(net.program().spec(), net.config()));
      RawPeer.greetAndHello(out, in, hello);
      assertThat(RawPeer.frame(in)[0]).isEqualTo(Msg.INFO);
      assertThat(RawPeer.frame(in)[0]).isEqualTo(Msg.READY);
      out.write(new byte[] {Msg.HE_INPUT, (byte) (size >>> 24), (byte) (size >>> 16),
          (byte) (size >>> 8), (byte) size});
      out.flush();
      CompletableFuture<Void> body = CompletableFuture.runAsync(() -> {
        try {
          out.write(new byte[size]);
          out.flush();
        } catch (java.io.IOException ignored) {
          // the server may hang up before the body is sent
        }
      });
      byte[] f = RawPeer.frame(in);
      body.get(10, TimeUnit.SECONDS);
      assertThat(f[0]).isEqualTo(Msg.ERROR);
      return new String(f, 1, f.length - 1, StandardCharsets.UTF_8);
    }
  }


  /** The server's end, noting the sizes of the first and the largest message it receives. */
  private static final class Largest extends ForwardingChannel {
    private int first = -1;
    private int largest;

    Largest(Channel inner) {
      super(inner);
    }

    @Override
    public Message receive() {
      Message m = inner.receive();
      if (first < 0) {
        first = m.payload().length;
      }
      largest = Math.max(largest, m.payload().length);
      return m;
    }
  }
}
