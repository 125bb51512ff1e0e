package io.deepreshape.pi.protocol;

import io.deepreshape.error.UserInputException;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.pi.prg.LongBytes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The client's prepared sessions for one server, under {@code root/<server>/}: one folder per
 * session, named by the server's session id, holding its masks ({@value #MASKS}), its garbled
 * material ({@value #GC}) and, written last, {@value #COMPLETE} (the id, the network's shape hash,
 * the time). A prepare writes into {@code .partial-<random>/} and renames it to the id only once
 * {@value #COMPLETE} is on disk, so an interrupted prepare leaves nothing usable; a session taken
 * for its online phase is first renamed to {@code .used-<id>/} and deleted after, so it is never
 * used twice, even if that phase fails.
 */
public final class PreparedFolder {
  static final String MASKS = "masks.bin";
  static final String GC = "gc.bin";
  static final String COMPLETE = "complete";
  private static final long STALE_PARTIAL_MILLIS = 3_600_000;

  private final Path dir;

  /** The sessions prepared with {@code server} (HOST:PORT) under {@code root}. */
  public PreparedFolder(Path root, String server) {
    this.dir = root.resolve(server.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** A complete prepared session on disk. */
  record Entry(String id, String shape, long created, Path dir) {}

  /** The folder of this server's sessions. */
  public Path dir() {
    return dir;
  }

  /** The complete sessions for network shape {@code shapeHex}, oldest first. */
  List<Entry> complete(String shapeHex) {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(p.resolve(COMPLETE))) {
          continue;
        }
        Properties meta = new Properties();
        try (var in = Files.newBufferedReader(p.resolve(COMPLETE))) {
          meta.load(in);
        }
        if (name.equals(meta.getProperty("id")) && shapeHex.equals(meta.getProperty("shape"))) {
          out.add(new Entry(name, shapeHex, Long.parseLong(meta.getProperty("created")), p));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new UserInputException("cannot read the prepared sessions in " + dir + ": "
          + e.getMessage(), e);
    }
    out.sort(Comparator.comparingLong(Entry::created).thenComparing(Entry::id));
    return out;
  }

  /** Number of complete sessions for {@code shapeHex}. */
  public int count(String shapeHex) {
    return complete(shapeHex).size();
  }

  /** A new partial session folder (and removes partial ones left stale by interrupted runs). */
  Path startPartial() {
    try {
      Files.createDirectories(dir);
      removeLeftovers();
      byte[] b = new byte[8];
      new SecureRandom().nextBytes(b);
      return Files.createDirectory(dir.resolve(".partial-" + HexFormat.of().formatHex(b)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a prepared session under " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** Marks a partial folder complete (last) and renames it to the session id. */
  void complete(Path partial, String id, String shapeHex) {
    try {
      AtomicFiles.writeString(partial.resolve(COMPLETE), "id=" + id + "\nshape=" + shapeHex
          + "\ncreated=" + System.currentTimeMillis() + "\n");
      Files.move(partial, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store prepared session " + id + " under " + dir
          + ": " + e.getMessage(), e);
    }
  }

  /** Takes a session out of use before its online phase: it is renamed, never used again. */
  Path take(Entry e) {
    try {
      return Files.move(e.dir(), dir.resolve(".used-" + e.id()), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot take prepared session " + e.id() + ": "
          + ex.getMessage(), ex);
    }
  }

  /** Deletes a session folder and what it holds. */
  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
    }
  }

  /** Writes the client's masks and last share. */
  static void writeMasks(Path folder, long[][] masks, long[] lastShare) {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(folder.resolve(MASKS)), 1 << 20))) {
      out.writeInt(masks.length);
      for (long[] m : masks) {
        array(out, m);
      }
      array(out, lastShare);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(MASKS) + ": "
          + e.getMessage(), e);
    }
  }

  /** Reads {@link #writeMasks}: the masks, then the last share as the final element. */
  static long[][] readMasks(Path folder) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(folder.resolve(MASKS)), 1 << 20))) {
      int n = in.readInt();
      long[][] out = new long[n + 1][];
      for (int i = 0; i <= n; i++) {
        int len = in.readInt();
        if (len >= 0) {
          byte[] b = new byte[Math.multiplyExact(len, 8)];
          in.readFully(b);
          out[i] = LongBytes.fromBytes(b);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder.resolve(MASKS) + ": "
          + e.getMessage(), e);
    }
  }

  private static void array(DataOutputStream out, long[] v) throws IOException {
    out.writeInt(v == null ? -1 : v.length);
    if (v != null) {
      out.write(LongBytes.toBytes(v, 0, v.length));
    }
  }

  /** Removes used sessions (a crashed online phase) and partial ones not touched for an hour. */
  private void removeLeftovers() throws IOException {
    long now = System.currentTimeMillis();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        boolean stale = name.startsWith(".partial-")
            && now - Files.getLastModifiedTime(p).toMillis() > STALE_PARTIAL_MILLIS;
        if (name.startsWith(".used-") || stale) {
          delete(p);
        }
      }
    }
  }
}
