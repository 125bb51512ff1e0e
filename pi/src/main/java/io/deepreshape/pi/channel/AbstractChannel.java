package io.deepreshape.pi.channel;

import java.util.Locale;
import java.util.Objects;

/**
 * Phase bookkeeping, byte counting, size checks and the deadline shared by the channel
 * implementations.
 */
abstract class AbstractChannel implements Channel {
  protected final ChannelConfig config;
  private final ChannelStats stats = new ChannelStats();
  private volatile Phase phase = Phase.OFFLINE;
  private volatile int messageLimit;
  private volatile String limitContext = "";
  private volatile long deadline = Long.MAX_VALUE;
  private volatile String deadlineReason;
  private volatile String peer = "peer";

  AbstractChannel(ChannelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.messageLimit = config.maxMessageBytes();
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public void setPhase(Phase phase) {
    this.phase = Objects.requireNonNull(phase, "phase");
  }

  @Override
  public ChannelStats stats() {
    return stats;
  }

  @Override
  public void limitMessages(int bytes, String context) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a message limit cannot be negative, got " + bytes);
    }
    this.messageLimit = bytes;
    this.limitContext = context == null || context.isEmpty() ? "" : " " + context;
  }

  @Override
  public void expireAt(long deadlineNanos, String reason) {
    this.deadlineReason = reason == null ? "deadline passed" : reason;
    this.deadline = deadlineNanos;
    deadlineChanged(deadlineNanos);
  }

  @Override
  public void namePeer(String name) {
    this.peer = Objects.requireNonNull(name, "name");
  }

  /** The other party, as errors name it. */
  protected String peer() {
    return peer;
  }

  /** Called after {@link #expireAt}; implementations whose sends can block arm a watchdog. */
  protected void deadlineChanged(long deadlineNanos) {}

  /**
   * How long the next wait may last: the read timeout, or less when the deadline is nearer
   * (milliseconds, at least 1); fails at once when the deadline has passed.
   */
  protected int waitMillis(String doing) {
    long d = deadline;
    if (d == Long.MAX_VALUE) {
      return config.readTimeoutMillis();
    }
    long left = d - System.nanoTime();
    if (left <= 0) {
      throw expired(doing);
    }
    return (int) Math.max(1, Math.min(config.readTimeoutMillis(), (left + 999_999) / 1_000_000));
  }

  /** Whether the deadline has passed. */
  protected boolean pastDeadline() {
    long d = deadline;
    return d != Long.MAX_VALUE && System.nanoTime() - d >= 0;
  }

  /** The deadline's error, {@code doing} saying what this end was doing ("waiting for the client"). */
  protected ChannelException expired(String doing) {
    return new ChannelException(deadlineReason + " (" + doing + ")");
  }

  /** The error of a receive that saw nothing for the read timeout. */
  protected String silence() {
    return peer + " sent nothing for " + seconds(config.readTimeoutMillis()) + " (read timeout)";
  }

  protected void countSent(int payloadBytes) {
    stats.recordSent(phase, (long) payloadBytes + HEADER_BYTES);
  }

  protected void countReceived(int payloadBytes) {
    stats.recordReceived(phase, (long) payloadBytes + HEADER_BYTES);
  }

  /** Rejects an announced payload length outside {@code [0, limit]}. */
  protected void checkLength(byte type, long length) {
    int limit = messageLimit;
    if (length < 0 || length > limit) {
      throw new ChannelException(String.format(Locale.ROOT,
          "%s announced a message of %d bytes (type 0x%02x), outside the limit of %d bytes%s",
          peer, length, type & 0xff, limit, limitContext));
    }
  }

  protected static void checkRange(byte[] payload, int off, int len) {
    Objects.checkFromIndexSize(off, len, payload.length);
  }

  /** {@code ms} as "12 s" or "1.5 s" or "250 ms", for messages. */
  static String seconds(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
