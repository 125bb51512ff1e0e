package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.ForwardingChannel;
import io.deepreshape.pi.channel.Phase;

/** A client end that disconnects abruptly before its n-th send in a given phase. */
final class DroppingChannel extends ForwardingChannel {
  private final Phase phase;
  private int sendsLeft;

  DroppingChannel(Channel inner, Phase phase, int sends) {
    super(inner);
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
}
