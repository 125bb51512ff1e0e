package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's halves of offline phases run ahead of time ({@code pi prepare}), keyed by a session
 * id, in memory: at most {@link #maxSessions} at once (pending prepares included) and each for at
 * most {@link #maxAgeMillis}. Each is handed out once ({@link #take}) and forgotten. Ids start with
 * this server run's random instance id, so a client holding an id of an earlier run is told the
 * server restarted and its half is gone, not merely that the id is unknown. Thread-safe.
 */
public final class PreparedSessions {
  /** Default limit on prepared sessions held (ResNet18 on CIFAR-100: about 340 MB each). */
  public static final int DEFAULT_MAX_SESSIONS = 4;
  /** Default age limit: one hour. */
  public static final long DEFAULT_MAX_AGE_MILLIS = 3_600_000;

  /** What {@link #take} found. */
  enum Status { OK, UNKNOWN, RESTARTED }

  private record Entry(ServerSession.Material material, long created) {}

  private final int maxSessions;
  private final long maxAgeMillis;
  private final String instance;
  private final Instant started = Instant.now();
  private final SecureRandom rnd = new SecureRandom();
  private final Map<String, Entry> held = new LinkedHashMap<>();
  private int pending;

  /** A store holding at most {@code maxSessions} (0: prepare refused) for {@code maxAgeMillis}. */
  public PreparedSessions(int maxSessions, long maxAgeMillis) {
    if (maxSessions < 0 || maxAgeMillis < 1) {
      throw new IllegalArgumentException("prepared sessions: the limit must be >= 0 and the age"
          + " limit positive, got " + maxSessions + " and " + maxAgeMillis + " ms");
    }
    this.maxSessions = maxSessions;
    this.maxAgeMillis = maxAgeMillis;
    byte[] b = new byte[6];
    rnd.nextBytes(b);
    this.instance = HexFormat.of().formatHex(b);
  }

  /** The defaults. */
  public static PreparedSessions defaults() {
    return new PreparedSessions(DEFAULT_MAX_SESSIONS, DEFAULT_MAX_AGE_MILLIS);
  }

  /** The most sessions held at once. */
  public int maxSessions() {
    return maxSessions;
  }

  /** How long a session is kept. */
  public long maxAgeMillis() {
    return maxAgeMillis;
  }

  /** This server run's instance id (the prefix of its session ids). */
  public String instance() {
    return instance;
  }

  /** Sessions held now (expired ones dropped first). */
  public synchronized int size() {
    expire();
    return held.size();
  }

  /** Reserves room for one prepare before its offline work, or refuses it in one line. */
  synchronized void reserve() {
    expire();
    if (held.size() + pending >= maxSessions) {
      throw new ChannelException("the server holds its limit of " + maxSessions + " prepared"
          + " sessions (kept " + SessionBudget.seconds(maxAgeMillis) + " each): use one with"
          + " 'pi infer --prepared' or wait for one to expire");
    }
    pending++;
  }

  /** Gives a reservation back without storing (the offline phase failed). */
  synchronized void unreserve() {
    pending--;
  }

  /** Stores a reserved session's half; returns its new id. */
  synchronized String put(ServerSession.Material material) {
    pending--;
    byte[] b = new byte[16];
    rnd.nextBytes(b);
    String id = instance + "-" + HexFormat.of().formatHex(b);
    held.put(id, new Entry(material, System.currentTimeMillis()));
    return id;
  }

  /** Forgets {@code id} (the client never got it). */
  synchronized void remove(String id) {
    held.remove(id);
  }

  /** Whether {@code id} is held, of an earlier run of the server, or unknown (used or expired). */
  synchronized Status status(String id) {
    expire();
    if (held.containsKey(id)) {
      return Status.OK;
    }
    return id.startsWith(instance + "-") ? Status.UNKNOWN : Status.RESTARTED;
  }

  /** Removes and returns the half of {@code id}, or null. */
  synchronized ServerSession.Material take(String id) {
    expire();
    Entry e = held.remove(id);
    return e == null ? null : e.material();
  }

  /** Why {@code id} cannot be served, for the client. */
  String reason(String id, Status status) {
    return status == Status.RESTARTED
        ? "prepared session " + id + " was made by an earlier run of the server, which restarted"
            + " at " + started + ": its half of that session and of every other one prepared"
            + " before is gone"
        : "prepared session " + id + " is not held by the server: it was used already or expired"
            + " (sessions are kept " + SessionBudget.seconds(maxAgeMillis) + ")";
  }

  private void expire() {
    long now = System.currentTimeMillis();
    held.values().removeIf(e -> now - e.created() > maxAgeMillis);
  }
}
