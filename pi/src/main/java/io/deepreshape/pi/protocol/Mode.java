package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelException;
import java.nio.charset.StandardCharsets;

/**
 * The client's {@link Msg#MODE} after the handshake: a whole inference, an offline phase to keep
 * ({@code pi prepare}), or the online phase of a prepared session (its id follows), and the
 * server's {@link Msg#SESSION} answer to the last.
 *
 * @param kind {@link #WHOLE}, {@link #PREPARE} or {@link #ONLINE}
 * @param session the prepared session's id for {@link #ONLINE}, else empty
 */
record Mode(byte kind, String session) {
  static final byte WHOLE = 0;
  static final byte PREPARE = 1;
  static final byte ONLINE = 2;
  /** Session status: the server holds its half. */
  static final byte HELD = 0;
  /** Session status: used already or expired. */
  static final byte GONE = 1;
  /** Session status: made by an earlier run of the server, gone with its restart. */
  static final byte GONE_RESTARTED = 2;
  private static final int MAX_ID = 100;

  /** The message's bytes. */
  byte[] toBytes() {
    byte[] id = session.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[1 + id.length];
    out[0] = kind;
    System.arraycopy(id, 0, out, 1, id.length);
    return out;
  }

  /** Parses a client's mode, refusing unknown kinds and ids that are not short hex. */
  static Mode parse(byte[] b) {
    if (b.length < 1 || b[0] < WHOLE || b[0] > ONLINE || b.length > 1 + MAX_ID
        || (b[0] == ONLINE) != (b.length > 1)) {
      throw new ChannelException("protocol error: malformed mode message of " + b.length
          + " bytes");
    }
    String id = new String(b, 1, b.length - 1, StandardCharsets.US_ASCII);
    if (!id.matches("[0-9a-f-]*")) {
      throw new ChannelException("protocol error: a prepared session id is hex digits and '-'");
    }
    return new Mode(b[0], id);
  }

  /** A {@link Msg#SESSION} answer. */
  static byte[] status(byte status, String why) {
    byte[] text = why.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[1 + text.length];
    out[0] = status;
    System.arraycopy(text, 0, out, 1, text.length);
    return out;
  }
}
