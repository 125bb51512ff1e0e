package io.deepreshape.pi.channel;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-process channel end: two ends created by {@link #pair} exchange messages through queues,
 * for tests and for running both parties as threads in one JVM. Byte counts equal those of the TCP
 * channel for the same messages.
 */
public final class InProcessChannel extends AbstractChannel {
  private static final Message CLOSED = new Message((byte) 0, new byte[0]);

  private final BlockingQueue<Message> inbox;
  private BlockingQueue<Message> outbox;
  private volatile boolean closed;

  private InProcessChannel(ChannelConfig config) {
    super(config);
    this.inbox = new LinkedBlockingQueue<>();
  }

  /** Two connected ends with default limits. */
  public static InProcessChannel[] pair() {
    return pair(ChannelConfig.defaults());
  }

  /** Two connected ends with the given limits. */
  public static InProcessChannel[] pair(ChannelConfig config) {
    InProcessChannel a = new InProcessChannel(config);
    InProcessChannel b = new InProcessChannel(config);
    a.outbox = b.inbox;
    b.outbox = a.inbox;
    return new InProcessChannel[] {a, b};
  }

  @Override
  public void send(byte type, byte[] payload, int off, int len) {
    checkRange(payload, off, len);
    if (closed) {
      throw new ChannelException("cannot send: this channel end is closed");
    }
    byte[] copy = new byte[len];
    System.arraycopy(payload, off, copy, 0, len);
    countSent(len);
    outbox.add(new Message(type, copy));
  }

  @Override
  public Message receive() {
    if (closed) {
      throw new ChannelException("cannot receive: this channel end is closed");
    }
    Message m;
    String waiting = "waiting for the " + peer();
    try {
      m = inbox.poll(waitMillis(waiting), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted while " + waiting, e);
    }
    if (m == null) {
      throw pastDeadline() ? expired(waiting) : new ChannelException(silence());
    }
    if (m == CLOSED) {
      inbox.add(CLOSED);
      throw new ChannelException(peer() + " closed the connection");
    }
    checkLength(m.type(), m.payload().length);
    countReceived(m.payload().length);
    return m;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      outbox.add(CLOSED);
    }
  }
}
