package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.ForwardingChannel;
import io.deepreshape.pi.channel.Message;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A channel that turns the peer's error report (a message of type {@link Msg#ERROR} carrying one
 * line of text) into a {@link ChannelException} on any receive, and a server's refusal ({@link
 * Msg#BUSY}) into a {@link PeerBusyException}, and can send such a report, so that a failure on one
 * side reaches the other as a one-line error instead of a protocol mismatch or a timeout. It names
 * the peer in the inner channel's own errors too.
 */
final class PeerErrorChannel extends ForwardingChannel {
  /** How long an error report may take to send. */
  private static final long REPORT_MILLIS = 2000;

  private final String peer;

  PeerErrorChannel(Channel inner, String peer) {
    super(inner);
    this.peer = peer;
    inner.namePeer(peer);
  }

  /**
   * Sends one line describing a local failure; ignores a peer that is already gone. The report gets
   * a fresh {@link #REPORT_MILLIS} even when the failure was a passed deadline, and no more, so a
   * peer that does not read cannot hold this end.
   */
  void reportFailure(String message) {
    inner.expireAt(System.nanoTime() + REPORT_MILLIS * 1_000_000L, "the " + peer
        + " did not take the error report within " + REPORT_MILLIS + " ms");
    try {
      String line = message == null ? "unknown error" : message.replace('\n', ' ');
      byte[] text = line.getBytes(StandardCharsets.UTF_8);
      inner.send(Msg.ERROR, text, 0, Math.min(text.length, ClientMessageLimit.ERROR_BYTES));
    } catch (RuntimeException ignored) {
      // the peer may have disconnected: there is nobody left to tell
    }
  }

  /** Lets the inner channel send longs its own way (a TCP end converts them a slice at a time). */
  @Override
  public void sendLongs(byte type, long[] values, int off, int len) {
    inner.sendLongs(type, values, off, len);
  }

  @Override
  public Message receive() {
    return checked(inner.receive());
  }

  /** Passes the buffers on: a report of the peer's is checked the same way. */
  @Override
  public Message receive(IntFunction<byte[]> buffers) {
    return checked(inner.receive(buffers));
  }

  private Message checked(Message m) {
    if (m.type() == Msg.ERROR) {
      throw new ChannelException(peer + " failed: "
          + new String(m.payload(), StandardCharsets.UTF_8));
    }
    if (m.type() == Msg.BUSY) {
      throw new PeerBusyException(peer + " busy: " + new String(m.payload(), StandardCharsets.UTF_8));
    }
    return m;
  }
}
