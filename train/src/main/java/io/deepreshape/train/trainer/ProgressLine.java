package io.deepreshape.train.trainer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one progress display of the command line, for training epochs, pipelines and the PI engine's
 * steps and counts: on a terminal a live line ({@code \r} updates, at most a few per second) with a
 * bar, the rate and the ETA; when the stream is not a terminal only whole lines (one per epoch, one
 * per tenth of a count), so that logs and batch-job files stay readable. Thread-safe.
 *
 * <p>Hand-written rather than a progress-bar library: such a library redraws its bar on a timer
 * thread with {@code \r} whether or not the stream is a terminal, so it would cover only the live
 * half, and the training line carries loss and accuracy beside the rate.
 */
public final class ProgressLine {
  /** How progress is shown. */
  public enum Mode {
    /** Live line on a terminal, epoch lines otherwise. */
    AUTO,
    /** Live {@code \r} line. */
    LIVE,
    /** One line per finished epoch. */
    EPOCH_LINES,
    /** Nothing. */
    OFF
  }

  private static final long MIN_INTERVAL_NANOS = 250_000_000L;
  private static final int BAR_WIDTH = 20;

  private final PrintWriter out;
  private final Mode mode;
  private int epoch;
  private int epochs;
  private int totalBatches;
  private long lastPrint;
  private int lastLength;

  public ProgressLine(PrintStream out, Mode mode) {
    this(new PrintWriter(out, true), mode);
  }

  public ProgressLine(PrintWriter out, Mode mode) {
    this.out = out;
    boolean terminal = System.console() != null;
    this.mode = mode == Mode.AUTO ? (terminal ? Mode.LIVE : Mode.EPOCH_LINES) : mode;
  }

  /** Progress lines to standard error in {@code AUTO} mode. */
  public static ProgressLine standardError() {
    return new ProgressLine(System.err, Mode.AUTO);
  }

  public Mode mode() {
    return mode;
  }

  /** Starts epoch {@code epoch} (1-based) of {@code epochs} with {@code totalBatches} batches. */
  public synchronized void startEpoch(int epoch, int epochs, int totalBatches) {
    this.epoch = epoch;
    this.epochs = epochs;
    this.totalBatches = totalBatches;
    this.lastPrint = 0;
  }

  /**
   * Updates the live line (throttled). {@code batchesDone} counts batches of this epoch, {@code
   * imagesPerSecond} the rate since this process started the epoch.
   */
  public synchronized void update(int batchesDone, double meanLoss, double accuracy, double imagesPerSecond,
      double secondsPerBatch) {
    if (mode != Mode.LIVE || throttled(batchesDone < totalBatches)) {
      return;
    }
    double eta = secondsPerBatch * (totalBatches - batchesDone);
    live(String.format(Locale.ROOT,
        "epoch %d/%d %s %d/%d loss %.4f acc %.1f%% %.0f img/s ETA %s", epoch, epochs, bar(batchesDone, totalBatches),
        batchesDone, totalBatches, meanLoss, 100 * accuracy, imagesPerSecond, duration(eta)));
  }

  /** Ends the epoch with its metrics (one line in every mode but {@code OFF}). */
  public synchronized void endEpoch(EpochMetrics m) {
    if (mode == Mode.OFF) {
      return;
    }
    String test = m.testTop1() == null
        ? ""
        : String.format(Locale.ROOT, " test %.2f%%", 100 * m.testTop1());
    if (m.testTop5() != null) {
      test += String.format(Locale.ROOT, " top5 %.2f%%", 100 * m.testTop5());
    }
    String line = String.format(Locale.ROOT,
        "epoch %d/%d loss %.4f train %.2f%%%s lr %.4g %.0f img/s %s",
        m.epoch(), epochs, m.trainLoss(), 100 * m.trainTop1(), test, m.lr(), m.imagesPerSecond(),
        duration(m.seconds()));
    if (m.skippedSteps() > 0) {
      line += " (" + m.skippedSteps() + " bad steps skipped)";
    }
    whole(line);
  }

  /** Prints a message on its own line (clearing a live line first). */
  public synchronized void message(String text) {
    if (mode == Mode.OFF) {
      return;
    }
    if (mode == Mode.LIVE && lastLength > 0) {
      out.println();
      lastLength = 0;
    }
    out.println(text);
    out.flush();
  }

  /**
   * A count of {@code total} {@code unit} (say, images) that {@code what} works through, shown with its
   * rate and ETA; {@link Counter#update} may be called from any thread.
   */
  public Counter counter(String what, long total, String unit) {
    return new Counter(what, total, unit);
  }

  /** See {@link #counter}. */
  public final class Counter {
    private final String what;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long nextTenth = 1;

    private Counter(String what, long total, String unit) {
      if (total < 0) {
        throw new IllegalArgumentException("a count's total must be >= 0, was " + total);
      }
      this.what = what;
      this.total = total;
      this.unit = unit;
    }

    /** {@code done} of the total are done: the live line, or a whole line at each tenth and at the end. */
    public void update(long done) {
      synchronized (ProgressLine.this) {
        boolean last = done >= total;
        if (mode == Mode.OFF || mode == Mode.LIVE && !last && throttled(true)) {
          return;
        }
        double rate = done / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        String line = String.format(Locale.ROOT, "%s %s %,d/%,d %s %.0f %s/s %s", what, bar(done, total), done,
            total, unit, rate, unit, last ? duration(total / rate) : "ETA " + duration((total - done) / rate));
        if (mode == Mode.LIVE) {
          if (last) {
            whole(line);
          } else {
            live(line);
          }
        } else if (last || done * 10 >= nextTenth * total) {
          nextTenth = done * 10 / Math.max(1, total) + 1;
          whole(line);
        }
      }
    }
  }

  /** Whether a live update now comes too soon after the previous one (the last update is never skipped). */
  private boolean throttled(boolean skippable) {
    long now = System.nanoTime();
    if (lastPrint != 0 && now - lastPrint < MIN_INTERVAL_NANOS && skippable) {
      return true;
    }
    lastPrint = now;
    return false;
  }

  private void live(String line) {
    int pad = Math.max(0, lastLength - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    lastLength = line.length();
  }

  /** A finished line: over the live one on a terminal, on its own otherwise. */
  private void whole(String line) {
    if (mode == Mode.LIVE) {
      int pad = Math.max(0, lastLength - line.length());
      out.println("\r" + line + " ".repeat(pad));
      lastLength = 0;
    } else {
      out.println(line);
    }
    out.flush();
  }

  private static String bar(long done, long total) {
    int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
    return "[" + "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
  }

  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "--:--";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
