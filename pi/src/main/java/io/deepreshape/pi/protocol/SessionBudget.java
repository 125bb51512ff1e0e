package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One server session's share of the server ({@link ServerLimits}): after a good handshake it waits
 * for one of the server's session slots, then bounds each phase by its deadline; a client that
 * finds no free slot in time is told the server is busy. {@link #unlimited} is for sessions that
 * run alone (in-process runs, tests).
 */
final class SessionBudget {
  private final ServerLimits limits;
  private final Semaphore slots;
  private boolean holding;

  private SessionBudget(ServerLimits limits, Semaphore slots) {
    this.limits = limits;
    this.slots = slots;
  }

  /** A budget drawing on {@code slots} under {@code limits}. */
  static SessionBudget of(ServerLimits limits, Semaphore slots) {
    return new SessionBudget(limits, slots);
  }

  /** No slots and no deadlines. */
  static SessionBudget unlimited() {
    return new SessionBudget(null, null);
  }

  /** The reason a connection's handshake deadline gives. */
  static String handshakeReason(ServerLimits limits) {
    return "the client did not complete the handshake within " + seconds(limits.handshakeMillis());
  }

  /**
   * After the client's good HELLO: waits for a free slot, then arms the offline deadline; turns the
   * client away as busy when no slot frees up in time.
   */
  void admit(Channel ch) {
    if (limits == null) {
      return;
    }
    ch.expireAt(Long.MAX_VALUE, null);
    boolean got;
    try {
      got = slots.tryAcquire(limits.queueMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted while waiting for a free session", e);
    }
    if (!got) {
      String why = String.format(Locale.ROOT, "all %d sessions stayed taken for %s; try again later",
          limits.sessions(), seconds(limits.queueMillis()));
      ch.expireAt(deadline(limits.handshakeMillis()), "the busy client was not reading");
      ch.send(Msg.BUSY, why.getBytes(StandardCharsets.UTF_8));
      throw new PeerBusyException("turned away: " + why);
    }
    holding = true;
    ch.expireAt(deadline(limits.offlineMillis()),
        "the session's offline phase passed its deadline of " + seconds(limits.offlineMillis()));
  }

  /** At the start of the online phase: arms its deadline. */
  void online(Channel ch) {
    if (limits != null) {
      ch.expireAt(deadline(limits.onlineMillis()),
          "the session's online phase passed its deadline of " + seconds(limits.onlineMillis()));
    }
  }

  /** Frees the slot, if held. */
  void release() {
    if (holding) {
      holding = false;
      slots.release();
    }
  }

  private static long deadline(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  static String seconds(long ms) {
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
  }
}
