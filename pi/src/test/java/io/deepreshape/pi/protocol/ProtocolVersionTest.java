package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.quant.QuantNetwork;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two versions of the engine refuse each other by name: a server announcing another protocol (or
 * none, as before protocol 2) is refused by the client, and a server refuses an older client's
 * hello (the shape hash alone) with a line saying so, not with a shape mismatch.
 */
@Timeout(60)
class ProtocolVersionTest {

  @Test
  void theClientRefusesAServerOfAnotherProtocol() {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 3);
    String mine = new String(Nets.info(net).toBytes(), StandardCharsets.UTF_8);
    assertThat(ServerInfo.parse(mine.getBytes(StandardCharsets.UTF_8)).graph().stageRelus())
        .isEqualTo(net.program().graph().stageRelus());
    String older = mine.replace("\"protocol\":" + ServerInfo.PROTOCOL + ",", "");
    assertThat(older).isNotEqualTo(mine);
    assertThatThrownBy(() -> ServerInfo.parse(older.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ChannelException.class)
        .hasMessage("engine protocol mismatch: the server speaks protocol 1, this side "
            + ServerInfo.PROTOCOL + "; run the same deepreshape version on both sides");
    String newer = mine.replace("\"protocol\":" + ServerInfo.PROTOCOL, "\"protocol\":99");
    assertThatThrownBy(() -> ServerInfo.parse(newer.getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("engine protocol mismatch: the server speaks protocol 99,");
  }

  @Test
  void theServerRefusesAnOlderClientsHelloByItsProtocol() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 3);
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        line -> { }, ServerLimits.defaults(1, 10_000));
        Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] hash = ShapeHash.of(net.program().spec(), net.config());
      RawPeer.greetAndHello(out, in, hash);
      assertThat(RawPeer.frame(in)[0]).isEqualTo(Msg.INFO);
      byte[] error = RawPeer.frame(in);
      assertThat(error[0]).isEqualTo(Msg.ERROR);
      assertThat(new String(error, 1, error.length - 1, StandardCharsets.UTF_8))
          .contains("engine protocol mismatch: the client speaks protocol 1, this side "
              + ServerInfo.PROTOCOL);
    }
  }

  /** One frame: its type byte followed by its payload. */
}
