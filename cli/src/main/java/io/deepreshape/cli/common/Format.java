package io.deepreshape.cli.common;

import java.util.Locale;

/** Human-readable numbers: 557,056; 555.47M; 12.3 s; 10.3 GB. */
public final class Format {
  private Format() {}

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String si(double n) {
    double a = Math.abs(n);
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "%.2fG", n / 1e9);
    } else if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", n / 1e6);
    } else if (a >= 1e3) {
      return String.format(Locale.ROOT, "%.1fK", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", n);
  }

  public static String seconds(double s) {
    return s >= 100 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.2f s", s);
  }

  public static String bytes(double b) {
    if (b >= 1e9) {
      return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
    } else if (b >= 1e6) {
      return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    } else if (b >= 1e3) {
      return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f B", b);
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  public static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }
}
