package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.ChannelStats;
import io.deepreshape.pi.channel.Message;
import io.deepreshape.pi.channel.Phase;

/** A client end that disconnects abruptly before its n-th send in a given phase. */
final class DroppingChannel implements Channel {
  private final Channel inner;
  private final Phase phase;
  private int sendsLeft;

  DroppingChannel(Channel inner, Phase phase, int sends) {
    this.inner = inner;
    this.phase = phase;
    this.sendsLeft = sends;
  }

  @Override
  public void send(byte type, byte[] payload, int off, int len) {
    if (inner.phase() == phase && sendsLeft-- <= 0) {
      inner.close();
      throw new ChannelException("test client disconnected in the " + phase + " phase");
    }
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
  public void setPhase(Phase p) {
    inner.setPhase(p);
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
