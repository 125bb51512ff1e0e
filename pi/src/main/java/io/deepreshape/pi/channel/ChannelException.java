package io.deepreshape.pi.channel;

/**
 * A failure of the channel or of the peer behind it (disconnect, timeout, malformed, oversized or
 * truncated message). The message is always a single line suitable for a user-facing error.
 * Subclasses tell failures apart that a caller handles differently (a busy server).
 */
public class ChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a one-line message. */
  public ChannelException(String message) {
    super(oneLine(message));
  }

  /** Creates an exception with a one-line message and a cause. */
  public ChannelException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    return message == null ? "channel error" : message.replace('\n', ' ').replace('\r', ' ');
  }
}
