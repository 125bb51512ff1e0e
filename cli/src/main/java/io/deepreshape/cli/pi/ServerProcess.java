package io.deepreshape.cli.pi;

import io.deepreshape.cli.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pi serve} in a child JVM on 127.0.0.1 for one session, so that {@code pi measure} measures
 * two processes over loopback (PI-ENGINE.md section 4). The child runs this JVM's class path with
 * the same heap limit and memory settings ({@link #childCommand}) and picks a free port, which it
 * announces on a line of its standard output.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving .* on [^ ]+:(\\d+)$");

  /** Put after the child's last output line. */
  static final String END = "\u0000end of output";
  private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final Process process;
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final int port;

  private ServerProcess(List<String> serveArgs) {
    List<String> cmd = childCommand(ProcessHandle.current().info().command().orElse("java"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("deepreshape.pi.threads"),
        System.getProperty("java.class.path"), serveArgs);
    try {
      process = new ProcessBuilder(cmd).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the server process: " + e.getMessage(), e);
    }
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    daemon(() -> {
      try (BufferedReader r = reader(process.getInputStream())) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.offer(line);
        }
      } catch (IOException ignored) {
        // the child ended
      }
      lines.offer(END);
    });
    daemon(() -> {
      try (BufferedReader r = reader(process.getErrorStream())) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          errors.add(line);
        }
      } catch (IOException ignored) {
        // the child ended
      }
    });
    Matcher m = awaitServing(lines, START_TIMEOUT_NANOS);
    if (m == null) {
      process.destroy();
      throw new UserException("the server process did not start: "
          + (errors.isEmpty() ? "no 'serving' line within 120 s" : String.join(" ", errors)));
    }
    port = Integer.parseInt(m.group(1));
  }

  /**
   * The child's "serving ... on HOST:PORT" line among {@code lines} (its standard output, {@link
   * #END} after the last), or null when the output ends or {@code timeoutNanos} pass first. Lines
   * before it are skipped: JVM options such as {@code -XX:StartFlightRecording} print their own.
   */
  static Matcher awaitServing(BlockingQueue<String> lines, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      long left = deadline - System.nanoTime();
      while (left > 0) {
        String line = lines.poll(left, TimeUnit.NANOSECONDS);
        if (line == null || line.equals(END)) {
          return null;
        }
        Matcher m = SERVING.matcher(line.strip());
        if (m.find()) {
          return m;
        }
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while starting the server process");
    }
    return null;
  }

  /**
   * The child's command line: {@code java} with this JVM's heap limit ({@code maxMemoryMiB}), its
   * memory and garbage-collector settings among {@code parentArgs} (so that, say, {@code -Xms3g
   * -XX:+AlwaysPreTouch} in {@code DEEPRESHAPE_JAVA_OPTS} applies to the server too), its thread
   * setting, and {@code pi serve} for one session on a free loopback port. Agents and system
   * properties are not passed on.
   */
  static List<String> childCommand(String java, List<String> parentArgs, long maxMemoryMiB,
      String threads, String classPath, List<String> serveArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx" + Math.max(256, maxMemoryMiB) + "m");
    for (String a : parentArgs) {
      if (a.startsWith("-XX:") || a.startsWith("-Xms") || a.startsWith("-Xmn")
          || a.startsWith("-Xss")) {
        cmd.add(a);
      }
    }
    cmd.add("-Dai.djl.offline=true");
    if (threads != null) {
      cmd.add("-Ddeepreshape.pi.threads=" + threads);
    }
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("io.deepreshape.cli.Main");
    cmd.addAll(List.of("pi", "serve", "--bind", "127.0.0.1", "--port", "0", "--sessions", "1"));
    cmd.addAll(serveArgs);
    return cmd;
  }

  /** Starts {@code pi serve} with {@code serveArgs} (the network options). */
  static ServerProcess start(List<String> serveArgs) {
    return new ServerProcess(serveArgs);
  }

  /** The port it listens on. */
  int port() {
    return port;
  }

  /** What the child wrote to stderr (its session log). */
  List<String> log() {
    return List.copyOf(errors);
  }

  /** Waits for the child to finish its one session, then ends it if it has not. */
  @Override
  public void close() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }

  private static BufferedReader reader(java.io.InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "pi-server-process-io");
    t.setDaemon(true);
    t.start();
  }
}
