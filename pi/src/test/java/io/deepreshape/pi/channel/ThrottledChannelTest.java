package io.deepreshape.pi.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ThrottledChannelTest {
  @Test
  void roundTripsPayTheLatencyAndLargeMessagesTheBandwidth() {
    InProcessChannel[] pair = InProcessChannel.pair();
    // 8 Mbit/s = 1 MB/s, 60 ms round trip
    try (ThrottledChannel a = new ThrottledChannel(pair[0], 8e6, 60);
        ThrottledChannel b = new ThrottledChannel(pair[1], 8e6, 60)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        a.send((byte) 1, new byte[] {(byte) i});
        assertThat(b.receive((byte) 1)).containsExactly(i);
        b.send((byte) 2, new byte[0]);
        a.receive((byte) 2);
      }
      double pingPong = (System.nanoTime() - t0) / 1e6;
      assertThat(pingPong).isBetween(3 * 60.0, 3 * 60.0 + 1500);

      long t1 = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        a.send((byte) 3, new byte[50_000]);
      }
      for (int i = 0; i < 4; i++) {
        b.receive((byte) 3);
      }
      double bulk = (System.nanoTime() - t1) / 1e6;
      // 200 KB at 1 MB/s plus one one-way latency, not four
      assertThat(bulk).isBetween(200.0 + 30, 200.0 + 30 + 1500);
      a.setPhase(Phase.ONLINE);
      assertThat(pair[0].stats().bytesSent(Phase.OFFLINE)).isEqualTo(3 * 6 + 4 * 50_005);
    }
  }

  @Test
  void aFailedLinkSurfacesOnTheNextCall() {
    InProcessChannel[] pair = InProcessChannel.pair();
    ThrottledChannel a = new ThrottledChannel(pair[0], 1e9, 0);
    pair[0].close();
    a.send((byte) 1, new byte[1]);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.setPhase(Phase.ONLINE))
        .isInstanceOf(ChannelException.class).hasMessageContaining("closed");
  }
}
