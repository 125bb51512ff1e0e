package io.deepreshape.spec;

import java.util.BitSet;

/**
 * How a ReLU layer is evaluated (DEEPRESHAPE.md sections 2 and 6). Text forms: {@code full},
 * {@code identity}, {@code partial:<fraction>}, {@code partial:channels=<list>} (e.g. {@code 0-3,7}),
 * {@code reuse:<r>}.
 */
public sealed interface ReluMode {
  /** Every element passes through a ReLU. */
  record Full() implements ReluMode {
    @Override
    public String text() {
      return "full";
    }
  }

  /** The layer is removed (linear). */
  record Identity() implements ReluMode {
    @Override
    public String text() {
      return "identity";
    }
  }

  /** A kept fraction of channels, in (0, 1]: the first {@code round(fraction * C)} channels keep their ReLU. */
  record PartialFraction(double fraction) implements ReluMode {
    public PartialFraction {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new SpecException("partial fraction must be in (0, 1], was " + fraction);
      }
    }

    public int keptChannels(int channels) {
      return (int) Math.max(0, Math.min(channels, Math.round(fraction * channels)));
    }

    @Override
    public String text() {
      return "partial:" + fraction;
    }
  }

  /** An explicit set of kept channels. */
  record PartialChannels(BitSet channels) implements ReluMode {
    public PartialChannels {
      channels = (BitSet) channels.clone();
    }

    @Override
    public BitSet channels() {
      return (BitSet) channels.clone();
    }

    public int count() {
      return channels.cardinality();
    }

    public int maxChannel() {
      return channels.length() - 1;
    }

    @Override
    public String text() {
      StringBuilder sb = new StringBuilder("partial:channels=");
      int i = channels.nextSetBit(0);
      boolean first = true;
      while (i >= 0) {
        int end = channels.nextClearBit(i) - 1;
        if (!first) {
          sb.append(',');
        }
        sb.append(i);
        if (end > i) {
          sb.append('-').append(end);
        }
        first = false;
        i = channels.nextSetBit(end + 1);
      }
      return sb.toString();
    }
  }

  /** ReLU-reuse: the sign is computed on one channel of every group of {@code r} and applied to the group. */
  record Reuse(int groupSize) implements ReluMode {
    public Reuse {
      if (groupSize < 2) {
        throw new SpecException("reuse group size must be >= 2, was " + groupSize);
      }
    }

    @Override
    public String text() {
      return "reuse:" + groupSize;
    }
  }

  ReluMode FULL = new Full();
  ReluMode IDENTITY = new Identity();

  /** The canonical text form, parsed back by {@link #parse}. */
  String text();

  /** Parses a mode's text form; {@code path} names the field in error messages. */
  static ReluMode parse(String text, String path) {
    String t = text == null ? "" : text.trim();
    try {
      if (t.equals("full")) {
        return FULL;
      }
      if (t.equals("identity")) {
        return IDENTITY;
      }
      if (t.startsWith("reuse:")) {
        return new Reuse(Integer.parseInt(t.substring(6)));
      }
      if (t.startsWith("partial:channels=")) {
        return new PartialChannels(parseChannels(t.substring(17)));
      }
      if (t.startsWith("partial:")) {
        double f = Double.parseDouble(t.substring(8));
        return f == 1.0 ? FULL : new PartialFraction(f);
      }
    } catch (NumberFormatException | SpecException e) {
      throw new SpecException(path + " must be full, identity, partial:<fraction in (0,1]>, "
          + "partial:channels=<list> or reuse:<r >= 2>, was '" + text + "'");
    }
    throw new SpecException(path + " must be full, identity, partial:<fraction>, partial:channels=<list> "
        + "or reuse:<r>, was '" + text + "'");
  }

  private static BitSet parseChannels(String list) {
    BitSet bits = new BitSet();
    for (String part : list.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
      int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
      if (lo < 0 || hi < lo) {
        throw new NumberFormatException(p);
      }
      bits.set(lo, hi + 1);
    }
    if (bits.isEmpty()) {
      throw new NumberFormatException(list);
    }
    return bits;
  }
}
