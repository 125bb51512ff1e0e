package io.deepreshape.pi.protocol;

/**
 * How much of the server one client may take (issue 15): sessions run at once, connections that
 * may wait beyond them, and deadlines for the whole handshake and for each phase, each counted from
 * its start however the client spreads its bytes (the channel's read timeout only bounds a single
 * silence).
 *
 * @param sessions sessions that run at once (each on its own thread)
 * @param queue connections accepted beyond the running sessions: in their handshake or waiting
 *     for a free session; a connection beyond these is told the server is busy
 * @param handshakeMillis from accepting a connection until the client has greeted and named the
 *     network it expects
 * @param queueMillis how long a client past its handshake may wait for a free session before it is
 *     told the server is busy
 * @param offlineMillis from the start of a session's offline phase to its end
 * @param onlineMillis from the start of a session's online phase to its end
 */
public record ServerLimits(int sessions, int queue, long handshakeMillis, long queueMillis,
    long offlineMillis, long onlineMillis) {
  /** Default: 10 s for the handshake. */
  public static final long DEFAULT_HANDSHAKE_MILLIS = 10_000;
  /** Default: one hour for the offline phase (the largest presets take minutes on two cores). */
  public static final long DEFAULT_OFFLINE_MILLIS = 3_600_000;
  /** Default: ten minutes for the online phase. */
  public static final long DEFAULT_ONLINE_MILLIS = 600_000;
  /** Default: 32 connections may wait beyond the running sessions. */
  public static final int DEFAULT_QUEUE = 32;

  /** Validates the limits. */
  public ServerLimits {
    positive(sessions, "sessions at once");
    positive(queue, "queue length");
    positive(handshakeMillis, "handshake deadline (ms)");
    positive(queueMillis, "wait for a free session (ms)");
    positive(offlineMillis, "offline deadline (ms)");
    positive(onlineMillis, "online deadline (ms)");
    if ((long) sessions + queue > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sessions at once plus queue length exceed "
          + Integer.MAX_VALUE);
    }
  }

  /** The defaults with {@code sessions} at once and a wait for a free session of {@code queueMillis}. */
  public static ServerLimits defaults(int sessions, long queueMillis) {
    return new ServerLimits(sessions, DEFAULT_QUEUE, DEFAULT_HANDSHAKE_MILLIS, queueMillis,
        DEFAULT_OFFLINE_MILLIS, DEFAULT_ONLINE_MILLIS);
  }

  /** The most connections open at once: running sessions plus the queue. */
  public int connections() {
    return sessions + queue;
  }

  private static void positive(long v, String what) {
    if (v < 1) {
      throw new IllegalArgumentException("the " + what + " must be at least 1, got " + v);
    }
  }
}
