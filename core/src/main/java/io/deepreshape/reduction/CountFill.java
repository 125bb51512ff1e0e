package io.deepreshape.reduction;

import java.util.Arrays;

/**
 * A bounded subset sum: each item offers extra counts (ascending, the first 0) and takes one; the
 * choice has the largest total at or under a target, and among those gives the earliest items (the
 * preferred ones) as much as it can. Sums are scaled by the extras' greatest common divisor and kept
 * as bit sets of reachable totals, one per suffix of the items.
 */
final class CountFill {
  /** Bits of reachable sets kept at once (n + 1 sets of the scaled target): 256 MiB at most. */
  static final long MAX_BITS = 1L << 31;

  private CountFill() {}

  /**
   * The option index per item, or null when the sets would exceed {@link #MAX_BITS}.
   *
   * @param extras per item, its options' extra counts, ascending, {@code extras[i][0] == 0}
   */
  static int[] choose(long[][] extras, long target) {
    int n = extras.length;
    long g = 0;
    for (long[] e : extras) {
      for (long v : e) {
        g = gcd(g, v);
      }
    }
    if (n == 0 || g == 0 || target < g) {
      return new int[n];
    }
    long scaled = target / g;
    if ((n + 1) * (scaled + 1) > MAX_BITS) {
      return null;
    }
    int t = (int) scaled;
    long[][] reach = new long[n + 1][];
    reach[n] = new long[t / 64 + 1];
    reach[n][0] = 1L;
    for (int i = n - 1; i >= 0; i--) {
      reach[i] = step(reach[i + 1], extras[i], g, t);
    }
    int sum = t;
    while (!get(reach[0], sum)) {
      sum--;
    }
    int[] choice = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = extras[i].length - 1; k >= 0; k--) {
        long e = extras[i][k] / g;
        if (e <= sum && get(reach[i + 1], (int) (sum - e))) {
          choice[i] = k;
          sum -= (int) e;
          break;
        }
      }
    }
    return choice;
  }

  /** The totals reachable by adding one of {@code extras} (scaled by {@code g}) to a total of {@code in}. */
  private static long[] step(long[] in, long[] extras, long g, int t) {
    long d = extras.length > 1 ? extras[1] / g : 0;
    boolean progression = d > 0;
    for (int k = 0; k < extras.length && progression; k++) {
      progression = extras[k] == k * d * g;
    }
    return progression && extras.length > 8 ? window(in, (int) d, extras.length - 1, t) : shifts(in, extras, g, t);
  }

  /** Totals {@code x + k d} for {@code k = 0..m}: per residue of d, whether a set bit lies within m d below. */
  private static long[] window(long[] in, int d, int m, int t) {
    long[] out = new long[in.length];
    int[] last = new int[d];
    Arrays.fill(last, -1);
    long span = (long) m * d;
    for (int x = 0; x <= t; x++) {
      int r = x % d;
      if (get(in, x)) {
        last[r] = x;
      }
      if (last[r] >= 0 && x - last[r] <= span) {
        out[x >>> 6] |= 1L << x;
      }
    }
    return out;
  }

  private static long[] shifts(long[] in, long[] extras, long g, int t) {
    long[] out = new long[in.length];
    for (long e : extras) {
      long s = e / g;
      if (s > t) {
        continue;
      }
      int words = (int) (s >>> 6);
      int bits = (int) (s & 63);
      for (int w = out.length - 1; w >= words; w--) {
        long v = in[w - words] << bits;
        if (bits != 0 && w - words - 1 >= 0) {
          v |= in[w - words - 1] >>> (64 - bits);
        }
        out[w] |= v;
      }
    }
    int tail = (t + 1) & 63;
    if (tail != 0) {
      out[out.length - 1] &= (1L << tail) - 1;
    }
    return out;
  }

  private static boolean get(long[] bits, int x) {
    return (bits[x >>> 6] & (1L << x)) != 0;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }
}
