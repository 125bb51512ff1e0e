package io.deepreshape.pi.channel;

import io.deepreshape.pi.prg.LongBytes;
import java.util.function.IntFunction;

/**
 * One end of a two-party, ordered, reliable message channel (the shape of mpc4j's {@code Rpc}
 * channels, reduced to two parties). Messages are framed as a one-byte type, a four-byte length and
 * the payload; every end counts bytes per direction and per {@link Phase}. Failures of the peer
 * surface as {@link ChannelException} with a one-line message, never as a hang: receives time out.
 *
 * <p>An end is used by one thread for sending and one for receiving at a time.
 */
public interface Channel extends AutoCloseable {
  /** Bytes of the frame header counted with each message: type (1) and length (4). */
  int HEADER_BYTES = 5;

  /**
   * Sends {@code payload[off..off+len)} as one message of the given type. The end has written or
   * copied the bytes when this returns: the caller may reuse the array.
   */
  void send(byte type, byte[] payload, int off, int len);

  /** Receives the next message, waiting at most the configured read timeout. */
  Message receive();

  /**
   * Receives the next message as {@link #receive()} does, reading its payload into {@code
   * buffers.apply(length)} where this end can (an array of exactly that length, or {@code null} to
   * let the end allocate one), so that a caller receiving many large messages of one size can give
   * it arrays it has finished with. By default the buffers are not used: an end that reads from a
   * stream overrides this, and so does a wrapper that knows how its inner end's messages pass it.
   */
  default Message receive(IntFunction<byte[]> buffers) {
    return receive();
  }

  /** The phase bytes are currently counted against. */
  Phase phase();

  /** Sets the phase that subsequent bytes (both directions) are counted against. */
  void setPhase(Phase phase);

  /** The byte counters of this end. */
  ChannelStats stats();

  /**
   * From now on accepts only messages of at most {@code bytes} payload bytes; {@code context} ends
   * the error for a larger one (e.g. "before the handshake").
   */
  void limitMessages(int bytes, String context);

  /**
   * Ends this channel once {@link System#nanoTime()} passes {@code deadlineNanos}: a send or receive
   * then waiting, and every later one, fails with {@code reason} (one line). Replaces an earlier
   * deadline; {@link Long#MAX_VALUE} clears it. Bounds a session as a whole where the read timeout
   * bounds only each silence.
   */
  void expireAt(long deadlineNanos, String reason);

  /** Names the other party in this end's errors ("client", "server"); "peer" until then. */
  void namePeer(String name);

  /** Closes this end; the peer's pending or next receive fails with a clear message. */
  @Override
  void close();

  /** Sends a whole array as one message. */
  default void send(byte type, byte[] payload) {
    send(type, payload, 0, payload.length);
  }

  /** Receives the next message and checks that it has the expected type; returns its payload. */
  default byte[] receive(byte expectedType) {
    return ofType(receive(), expectedType);
  }

  /** Receives a message of the expected type and size, failing clearly on one of another size. */
  default byte[] receive(byte expectedType, long expectedBytes) {
    return ofSize(receive(expectedType), expectedType, expectedBytes);
  }

  /**
   * Receives a message of the expected type and size into one of {@code buffers} (see {@link
   * #receive(IntFunction)}): asked for arrays of {@code expectedBytes} only.
   */
  default byte[] receive(byte expectedType, long expectedBytes, IntFunction<byte[]> buffers) {
    Message m = receive(n -> n == expectedBytes ? buffers.apply(n) : null);
    return ofSize(ofType(m, expectedType), expectedType, expectedBytes);
  }

  private static byte[] ofType(Message m, byte expectedType) {
    if (m.type() != expectedType) {
      throw new ChannelException(String.format(
          "protocol error: expected message type 0x%02x but the peer sent type 0x%02x (%d bytes)",
          expectedType & 0xff, m.type() & 0xff, m.payload().length));
    }
    return m.payload();
  }

  private static byte[] ofSize(byte[] payload, byte expectedType, long expectedBytes) {
    if (payload.length != expectedBytes) {
      throw new ChannelException(String.format(
          "protocol error: message type 0x%02x has %d bytes, expected %d",
          expectedType & 0xff, payload.length, expectedBytes));
    }
    return payload;
  }

  /**
   * Sends {@code values[off..off+len)} as little-endian longs in one message; as after {@link
   * #send}, the caller may reuse the array.
   */
  default void sendLongs(byte type, long[] values, int off, int len) {
    send(type, LongBytes.toBytes(values, off, len));
  }

  /** Receives a message of the expected type holding little-endian longs. */
  default long[] receiveLongs(byte expectedType) {
    byte[] payload = receive(expectedType);
    if ((payload.length & 7) != 0) {
      throw new ChannelException(String.format(
          "protocol error: message type 0x%02x has %d bytes, not a whole number of longs",
          expectedType & 0xff, payload.length));
    }
    return LongBytes.fromBytes(payload);
  }

  /** Receives longs and checks the count, failing clearly on a message of the wrong size. */
  default long[] receiveLongs(byte expectedType, int expectedCount) {
    long[] values = receiveLongs(expectedType);
    if (values.length != expectedCount) {
      throw new ChannelException(String.format(
          "protocol error: message type 0x%02x holds %d longs, expected %d",
          expectedType & 0xff, values.length, expectedCount));
    }
    return values;
  }
}
