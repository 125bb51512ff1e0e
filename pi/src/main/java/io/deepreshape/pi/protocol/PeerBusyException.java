package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelException;

/**
 * The server turned the session away because it is serving as many clients as it may: nothing is
 * wrong with the request, and the same request can succeed later.
 */
public final class PeerBusyException extends ChannelException {
  private static final long serialVersionUID = 1L;

  PeerBusyException(String message) {
    super(message);
  }
}
