package io.deepreshape.train.trainer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on a terminal ({@code \r} updates with loss, accuracy, images/s and
 * ETA, at most a few per second); when the stream is not a terminal only one line per epoch.
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

  private final PrintStream out;
  private final Mode mode;
  private int epoch;
  private int epochs;
  private int totalBatches;
  private long lastPrint;
  private int lastLength;

  public ProgressLine(PrintStream out, Mode mode) {
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
  public void startEpoch(int epoch, int epochs, int totalBatches) {
    this.epoch = epoch;
    this.epochs = epochs;
    this.totalBatches = totalBatches;
    this.lastPrint = 0;
  }

  /**
   * Updates the live line (throttled). {@code batchesDone} counts batches of this epoch, {@code
   * imagesPerSecond} the rate since this process started the epoch.
   */
  public void update(int batchesDone, double meanLoss, double accuracy, double imagesPerSecond,
      double secondsPerBatch) {
    if (mode != Mode.LIVE) {
      return;
    }
    long now = System.nanoTime();
    if (lastPrint != 0 && now - lastPrint < MIN_INTERVAL_NANOS && batchesDone < totalBatches) {
      return;
    }
    lastPrint = now;
    double eta = secondsPerBatch * (totalBatches - batchesDone);
    String line = String.format(Locale.ROOT,
        "epoch %d/%d %s %d/%d loss %.4f acc %.1f%% %.0f img/s ETA %s", epoch, epochs, bar(batchesDone), batchesDone, totalBatches, meanLoss, 100 * accuracy,
        imagesPerSecond, duration(eta));
    int pad = Math.max(0, lastLength - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    lastLength = line.length();
  }

  /** Ends the epoch with its metrics (one line in every mode but {@code OFF}). */
  public void endEpoch(EpochMetrics m) {
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
    if (mode == Mode.LIVE) {
      int pad = Math.max(0, lastLength - line.length());
      out.println("\r" + line + " ".repeat(pad));
      lastLength = 0;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Prints a message on its own line (clearing a live line first). */
  public void message(String text) {
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

  private String bar(int done) {
    int width = 20;
    int filled = totalBatches == 0 ? width : (int) ((long) width * done / totalBatches);
    return "[" + "=".repeat(filled) + " ".repeat(width - filled) + "]";
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
