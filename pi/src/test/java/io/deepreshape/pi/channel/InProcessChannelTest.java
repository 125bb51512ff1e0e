package io.deepreshape.pi.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InProcessChannelTest {
  @Test
  void deliversMessagesInOrderAndCountsBytesPerPhase() {
    InProcessChannel[] pair = InProcessChannel.pair();
    pair[0].send((byte) 1, new byte[] {1, 2, 3});
    pair[0].setPhase(Phase.ONLINE);
    pair[1].setPhase(Phase.OFFLINE);
    pair[0].sendLongs((byte) 2, new long[] {-1L, 42L}, 0, 2);

    assertThat(pair[1].receive((byte) 1)).containsExactly(1, 2, 3);
    pair[1].setPhase(Phase.ONLINE);
    assertThat(pair[1].receiveLongs((byte) 2, 2)).containsExactly(-1L, 42L);

    assertThat(pair[0].stats().bytesSent(Phase.OFFLINE)).isEqualTo(3 + 5);
    assertThat(pair[0].stats().bytesSent(Phase.ONLINE)).isEqualTo(16 + 5);
    assertThat(pair[1].stats().bytesReceived(Phase.OFFLINE)).isEqualTo(8);
    assertThat(pair[1].stats().bytesReceived(Phase.ONLINE)).isEqualTo(21);
  }

  @Test
  void wrongTypeOrSizeIsAProtocolError() {
    InProcessChannel[] pair = InProcessChannel.pair();
    pair[0].send((byte) 7, new byte[4]);
    assertThatThrownBy(() -> pair[1].receive((byte) 8))
        .isInstanceOf(ChannelException.class).hasMessageContaining("expected message type 0x08");
    pair[0].sendLongs((byte) 3, new long[3], 0, 3);
    assertThatThrownBy(() -> pair[1].receiveLongs((byte) 3, 2))
        .isInstanceOf(ChannelException.class).hasMessageContaining("expected 2");
  }

  @Test
  void oversizedMessageIsRejected() {
    InProcessChannel[] pair = InProcessChannel.pair(new ChannelConfig(10, 1000));
    pair[0].send((byte) 1, new byte[11]);
    assertThatThrownBy(() -> pair[1].receive())
        .isInstanceOf(ChannelException.class).hasMessageContaining("outside the limit of 10");
  }

  @Test
  void timeoutAndCloseGiveClearErrors() {
    InProcessChannel[] pair = InProcessChannel.pair(new ChannelConfig(1 << 20, 100));
    assertThatThrownBy(() -> pair[1].receive())
        .isInstanceOf(ChannelException.class).hasMessageContaining("read timeout");
    pair[0].close();
    assertThatThrownBy(() -> pair[1].receive())
        .isInstanceOf(ChannelException.class).hasMessage("peer closed the connection");
  }
}
