package io.deepreshape.pi.channel;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe byte and message counters of one channel end, per direction and per {@link Phase}.
 * Counted bytes include the 5-byte frame header of every message.
 */
public final class ChannelStats {
  private final AtomicLongArray sent = new AtomicLongArray(Phase.values().length);
  private final AtomicLongArray received = new AtomicLongArray(Phase.values().length);
  private final AtomicLongArray messagesSent = new AtomicLongArray(Phase.values().length);

  void recordSent(Phase phase, long bytes) {
    sent.addAndGet(phase.ordinal(), bytes);
    messagesSent.incrementAndGet(phase.ordinal());
  }

  void recordReceived(Phase phase, long bytes) {
    received.addAndGet(phase.ordinal(), bytes);
  }

  /** Bytes this end sent during {@code phase}. */
  public long bytesSent(Phase phase) {
    return sent.get(phase.ordinal());
  }

  /** Bytes this end received during {@code phase}. */
  public long bytesReceived(Phase phase) {
    return received.get(phase.ordinal());
  }

  /** Messages this end sent during {@code phase} (an upper bound on the rounds it started). */
  public long messagesSent(Phase phase) {
    return messagesSent.get(phase.ordinal());
  }

  /** Bytes sent over all phases. */
  public long totalBytesSent() {
    long total = 0;
    for (Phase p : Phase.values()) {
      total += bytesSent(p);
    }
    return total;
  }

  /** Bytes received over all phases. */
  public long totalBytesReceived() {
    long total = 0;
    for (Phase p : Phase.values()) {
      total += bytesReceived(p);
    }
    return total;
  }
}
