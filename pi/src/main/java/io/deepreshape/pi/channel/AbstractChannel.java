package io.deepreshape.pi.channel;

import java.util.Objects;

/** Phase bookkeeping, byte counting and size checks shared by the channel implementations. */
abstract class AbstractChannel implements Channel {
  protected final ChannelConfig config;
  private final ChannelStats stats = new ChannelStats();
  private volatile Phase phase = Phase.OFFLINE;

  AbstractChannel(ChannelConfig config) {
    this.config = Objects.requireNonNull(config, "config");
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

  protected void countSent(int payloadBytes) {
    stats.recordSent(phase, (long) payloadBytes + HEADER_BYTES);
  }

  protected void countReceived(int payloadBytes) {
    stats.recordReceived(phase, (long) payloadBytes + HEADER_BYTES);
  }

  /** Rejects an announced payload length outside {@code [0, maxMessageBytes]}. */
  protected void checkLength(byte type, long length) {
    if (length < 0 || length > config.maxMessageBytes()) {
      throw new ChannelException(String.format(
          "peer announced a message of %d bytes (type 0x%02x), outside the limit of %d bytes",
          length, type & 0xff, config.maxMessageBytes()));
    }
  }

  protected static void checkRange(byte[] payload, int off, int len) {
    Objects.checkFromIndexSize(off, len, payload.length);
  }
}
