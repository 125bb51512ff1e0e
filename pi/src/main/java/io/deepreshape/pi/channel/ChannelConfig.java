package io.deepreshape.pi.channel;

/**
 * Limits of a channel: the largest message payload accepted and how long a receive may wait.
 *
 * @param maxMessageBytes largest payload in bytes a peer may announce (at most 2^31 - 1)
 * @param readTimeoutMillis how long to wait for the peer's next bytes before failing (positive)
 */
public record ChannelConfig(int maxMessageBytes, int readTimeoutMillis) {
  /** Default payload limit: 1 GiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 30;
  /** Default read timeout: 120 seconds. */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 120_000;

  /** Validates the limits. */
  public ChannelConfig {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("the message size limit must be at least 1 byte, got "
          + maxMessageBytes);
    }
    if (readTimeoutMillis < 1) {
      throw new IllegalArgumentException("the read timeout must be at least 1 ms, got "
          + readTimeoutMillis + " ms");
    }
  }

  /** The default limits: 1 GiB messages, 120 s read timeout. */
  public static ChannelConfig defaults() {
    return new ChannelConfig(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_READ_TIMEOUT_MILLIS);
  }
}
