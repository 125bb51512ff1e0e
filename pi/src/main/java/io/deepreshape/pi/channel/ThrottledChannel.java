package io.deepreshape.pi.channel;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Emulates a slower network on top of another channel end (for the LAN/WAN settings of Delphi's
 * and SCI's loopback benchmarks): every message this end sends occupies the link for {@code bytes
 * * 8 / bandwidth} seconds after the previous one and reaches the peer one one-way latency ({@code
 * rtt / 2}) later. Sends return at once and a delivery thread forwards each message at its due
 * time, so pipelined messages overlap their latency as on a real link. Receives are the inner
 * channel's (wrap both ends to throttle both directions). Phase changes and {@link #close} first
 * wait until every queued message is delivered, so bytes are counted in the phase they were sent
 * in.
 */
public final class ThrottledChannel extends ForwardingChannel {
  private static final Object[] CLOSE = new Object[0];

  private final double nanosPerByte;
  private final long latencyNanos;
  private final BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
  private final Thread delivery;
  private volatile RuntimeException failure;
  private long linkFreeAt = System.nanoTime();
  private long queued;
  private long delivered;

  /**
   * Wraps {@code inner} with a link of {@code bitsPerSecond} bandwidth and {@code rttMillis}
   * round-trip time (half of it per direction).
   */
  public ThrottledChannel(Channel inner, double bitsPerSecond, double rttMillis) {
    super(inner);
    if (!(bitsPerSecond > 0) || rttMillis < 0) {
      throw new IllegalArgumentException("bandwidth must be > 0 and rtt >= 0, got "
          + bitsPerSecond + " bit/s, " + rttMillis + " ms");
    }
    this.nanosPerByte = 8e9 / bitsPerSecond;
    this.latencyNanos = (long) (rttMillis * 1e6 / 2);
    this.delivery = new Thread(this::deliverLoop, "throttled-channel-delivery");
    delivery.setDaemon(true);
    delivery.start();
  }

  @Override
  public void send(byte type, byte[] payload, int off, int len) {
    checkFailure();
    byte[] copy = new byte[len];
    System.arraycopy(payload, off, copy, 0, len);
    long now = System.nanoTime();
    linkFreeAt = Math.max(now, linkFreeAt) + (long) ((len + HEADER_BYTES) * nanosPerByte);
    synchronized (this) {
      queued++;
    }
    queue.add(new Object[] {linkFreeAt + latencyNanos, type, copy});
  }

  @Override
  public Message receive() {
    checkFailure();
    return inner.receive();
  }

  @Override
  public Message receive(IntFunction<byte[]> buffers) {
    checkFailure();
    return inner.receive(buffers);
  }

  @Override
  public void setPhase(Phase phase) {
    drain();
    inner.setPhase(phase);
  }

  @Override
  public void close() {
    try {
      drain();
    } finally {
      queue.add(CLOSE);
      inner.close();
    }
  }

  /** Waits until every queued message has been handed to the inner channel. */
  private synchronized void drain() {
    while (delivered < queued && failure == null) {
      try {
        wait(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChannelException("interrupted while flushing the throttled link", e);
      }
    }
    checkFailure();
  }

  private void deliverLoop() {
    try {
      while (true) {
        Object[] m = queue.poll(1, TimeUnit.HOURS);
        if (m == null) {
          continue;
        }
        if (m == CLOSE) {
          return;
        }
        long due = (Long) m[0];
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        byte[] payload = (byte[]) m[2];
        inner.send((Byte) m[1], payload, 0, payload.length);
        synchronized (this) {
          delivered++;
          notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e instanceof ChannelException ? e : new ChannelException(
          "throttled link failed: " + e.getMessage(), e);
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private void checkFailure() {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
  }
}
