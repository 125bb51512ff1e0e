package io.deepreshape.pi.gc;

/** Plain long arithmetic on l-bit two's-complement values, the reference for the circuits. */
final class RingRef {
  private RingRef() {}

  static long mask(int l) {
    return (1L << l) - 1;
  }

  static long signed(long v, int l) {
    return (v << (64 - l)) >> (64 - l);
  }

  static long relu(long a, long c, long u, int l, int s) {
    long y = signed(a + c, l);
    long r = y < 0 ? 0 : y >> s;
    return (r - u) & mask(l);
  }

  static long identity(long a, long c, long u, int l, int s) {
    return ((signed(a + c, l) >> s) - u) & mask(l);
  }
}
