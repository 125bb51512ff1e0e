package io.deepreshape.train.data;

/** Derives independent 64-bit seeds from a base seed and indices (SplitMix64 finaliser). */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed seed for ({@code seed}, {@code a}). */
  public static long mix(long seed, long a) {
    return fmix(seed * 0x9E3779B97F4A7C15L + fmix(a + 0x632BE59BD9B4E019L));
  }

  /** A well-mixed seed for ({@code seed}, {@code a}, {@code b}). */
  public static long mix(long seed, long a, long b) {
    return mix(mix(seed, a), b);
  }

  private static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
