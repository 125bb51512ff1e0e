package io.deepreshape.pi.channel;

import java.util.Objects;

/** A channel end that hands every call to another end; a wrapper overrides only what it changes. */
public abstract class ForwardingChannel implements Channel {
  protected final Channel inner;

  protected ForwardingChannel(Channel inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  @Override
  public void send(byte type, byte[] payload, int off, int len) {
    inner.send(type, payload, off, len);
  }

  @Override
  public Message receive() {
    return inner.receive();
  }

  @Override
  public Phase phase() {
    return inner.phase();
  }

  @Override
  public void setPhase(Phase phase) {
    inner.setPhase(phase);
  }

  @Override
  public ChannelStats stats() {
    return inner.stats();
  }

  @Override
  public void limitMessages(int bytes, String context) {
    inner.limitMessages(bytes, context);
  }

  @Override
  public void expireAt(long deadlineNanos, String reason) {
    inner.expireAt(deadlineNanos, reason);
  }

  @Override
  public void namePeer(String name) {
    inner.namePeer(name);
  }

  @Override
  public void close() {
    inner.close();
  }
}
