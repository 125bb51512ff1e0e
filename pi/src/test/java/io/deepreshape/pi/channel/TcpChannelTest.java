package io.deepreshape.pi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Good and bad peers against a server-side {@link TcpChannel} on 127.0.0.1. */
@Timeout(30)
class TcpChannelTest {
  private static final ChannelConfig SHORT = new ChannelConfig(1 << 20, 500);
  private ServerSocket server;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private CompletableFuture<TcpChannel> acceptAsync() {
    return CompletableFuture.supplyAsync(() -> TcpChannel.accept(server, SHORT));
  }

  private Socket raw() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  @Test
  void exchangesLargeMessagesBothWaysAndCounts() {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (TcpChannel client = TcpChannel.connect("127.0.0.1", server.getLocalPort(), SHORT);
        TcpChannel srv = accepted.join()) {
      byte[] big = new byte[300_000];
      new Random(1).nextBytes(big);
      client.send((byte) 9, big);
      assertThat(srv.receive((byte) 9)).isEqualTo(big);
      srv.setPhase(Phase.ONLINE);
      client.setPhase(Phase.ONLINE);
      srv.sendLongs((byte) 4, new long[] {5, 6, 7}, 0, 3);
      assertThat(client.receiveLongs((byte) 4, 3)).containsExactly(5, 6, 7);
      assertThat(client.stats().bytesSent(Phase.OFFLINE)).isEqualTo(300_005);
      assertThat(srv.stats().bytesReceived(Phase.OFFLINE)).isEqualTo(300_005);
      assertThat(srv.stats().bytesSent(Phase.ONLINE)).isEqualTo(29);
      assertThat(client.stats().bytesReceived(Phase.ONLINE)).isEqualTo(29);
    }
  }

  @Test
  void longsSentASliceAtATimeArriveAsTheBytesOfOneArray() {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (TcpChannel client = TcpChannel.connect("127.0.0.1", server.getLocalPort(), SHORT);
        TcpChannel srv = accepted.join()) {
      long[] values = new Random(2).longs(3 * 8192 + 5).toArray();
      long sent = 0;
      // lengths around the 8,192 longs of one slice, from an offset
      for (int len : new int[] {0, 1, 8191, 8192, 8193, 3 * 8192 + 2}) {
        srv.sendLongs((byte) 6, values, 3, len);
        byte[] got = client.receive((byte) 6);
        byte[] want = new byte[8 * len];
        ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values, 3, len);
        assertThat(got).as("%d longs", len).isEqualTo(want);
        sent += 8L * len + Channel.HEADER_BYTES;
      }
      assertThat(srv.stats().bytesSent(Phase.OFFLINE)).isEqualTo(sent);
      assertThat(client.stats().bytesReceived(Phase.OFFLINE)).isEqualTo(sent);
      assertThatThrownBy(() -> srv.sendLongs((byte) 6, values, values.length - 2, 3))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void garbageGreetingIsRejected() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (Socket s = raw()) {
      s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes());
      s.getOutputStream().flush();
      assertThatThrownBy(accepted::join).hasCauseInstanceOf(ChannelException.class)
          .hasMessageContaining("not a deepreshape pi peer");
    }
  }

  @Test
  void oversizedLengthIsRejected() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (Socket s = raw()) {
      OutputStream out = greeted(s);
      out.write(new byte[] {1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
      out.flush();
      TcpChannel srv = accepted.join();
      assertThatThrownBy(srv::receive).isInstanceOf(ChannelException.class)
          .hasMessageContaining("2147483647 bytes").hasMessageContaining("outside the limit");
      srv.close();
    }
  }

  @Test
  void aPayloadOfTheExpectedSizeLandsInTheGivenBufferAndOneOfAnotherSizeDoesNot() {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (TcpChannel client = TcpChannel.connect("127.0.0.1", server.getLocalPort(), SHORT);
        TcpChannel srv = accepted.join()) {
      byte[] big = new byte[200_000];
      new Random(2).nextBytes(big);
      byte[] buffer = new byte[big.length];
      client.send((byte) 9, big);
      byte[] got = srv.receive((byte) 9, big.length, n -> buffer);
      assertThat(got).isSameAs(buffer).isEqualTo(big);
      assertThat(srv.stats().bytesReceived(Phase.OFFLINE)).isEqualTo(200_005);

      int[] asked = {0};
      client.send((byte) 9, new byte[10]);
      assertThatThrownBy(() -> srv.receive((byte) 9, big.length, n -> {
        asked[0]++;
        return buffer;
      })).isInstanceOf(ChannelException.class)
          .hasMessage("protocol error: message type 0x09 has 10 bytes, expected 200000");
      assertThat(asked[0]).as("buffers asked for a message of another size").isZero();

      client.send((byte) 9, new byte[10]);
      assertThatThrownBy(() -> srv.receive(n -> new byte[n + 1]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void garbageFrameOfTheWrongTypeIsAProtocolError() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (Socket s = raw()) {
      OutputStream out = greeted(s);
      out.write(new byte[] {(byte) 0xde, 0, 0, 0, 3, (byte) 0xbe, (byte) 0xef, 0});
      out.flush();
      TcpChannel srv = accepted.join();
      assertThatThrownBy(() -> srv.receive((byte) 1)).isInstanceOf(ChannelException.class)
          .hasMessage("protocol error: expected message type 0x01 but the peer sent type 0xde"
              + " (3 bytes)");
      srv.close();
    }
  }

  @Test
  void truncatedMessageThenDisconnectIsReported() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    TcpChannel srv;
    try (Socket s = raw()) {
      OutputStream out = greeted(s);
      out.write(new byte[] {1, 0, 0, 0, 100});
      out.write(new byte[40]);
      out.flush();
      srv = accepted.join();
    }
    assertThatThrownBy(srv::receive).isInstanceOf(ChannelException.class)
        .hasMessage("peer closed the connection after 40 of 100 bytes of a message payload"
            + " (truncated message)");
    srv.close();
  }

  @Test
  void stalledPeerTimesOutWithoutHanging() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (Socket s = raw()) {
      OutputStream out = greeted(s);
      out.write(new byte[] {1, 0, 0});
      out.flush();
      TcpChannel srv = accepted.join();
      assertThatThrownBy(srv::receive).isInstanceOf(ChannelException.class)
          .hasMessageContaining("read timeout").hasMessageContaining("3 of 5 bytes");
      srv.close();
    }
  }

  @Test
  void silentPeerBeforeGreetingTimesOut() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    try (Socket s = raw()) {
      assertThat(s.isConnected()).isTrue();
      assertThatThrownBy(accepted::join).hasCauseInstanceOf(ChannelException.class)
          .hasMessageContaining("read timeout");
    }
  }

  @Test
  void disconnectBetweenMessagesIsReported() throws Exception {
    CompletableFuture<TcpChannel> accepted = acceptAsync();
    TcpChannel client = TcpChannel.connect("127.0.0.1", server.getLocalPort(), SHORT);
    TcpChannel srv = accepted.join();
    client.send((byte) 2, new byte[] {1});
    client.close();
    assertThat(srv.receive((byte) 2)).containsExactly(1);
    assertThatThrownBy(srv::receive).isInstanceOf(ChannelException.class)
        .hasMessage("peer closed the connection");
    srv.close();
  }

  private static OutputStream greeted(Socket s) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(TcpChannel.GREETING);
    out.flush();
    return out;
  }
}
