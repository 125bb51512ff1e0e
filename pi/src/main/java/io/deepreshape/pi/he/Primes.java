package io.deepreshape.pi.he;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** NTT-friendly primes ({@code p = 1 mod 2N}) and primitive roots of unity. */
public final class Primes {
  private Primes() {}

  /**
   * The {@code count} largest primes {@code p = 1 mod 2n} below {@code bound} (descending), tested
   * with 64 rounds of Miller-Rabin.
   */
  public static long[] nttPrimesBelow(long bound, int n, int count) {
    long step = 2L * n;
    List<Long> found = new ArrayList<>();
    for (long c = (bound - 1) / step * step + 1; c > step && found.size() < count; c -= step) {
      if (c < bound && BigInteger.valueOf(c).isProbablePrime(64)) {
        found.add(c);
      }
    }
    if (found.size() < count) {
      throw new IllegalArgumentException("not enough NTT primes below " + bound);
    }
    return found.stream().mapToLong(Long::longValue).toArray();
  }

  /** A primitive {@code order}-th root of unity modulo the prime ({@code order} a power of 2). */
  static long primitiveRoot(Modulus m, long order) {
    long p = m.value();
    for (long g = 2; g < p; g++) {
      long r = m.pow(g, (p - 1) / order);
      if (m.pow(r, order / 2) == p - 1) {
        return r;
      }
    }
    throw new IllegalStateException("no primitive root of order " + order + " mod " + p);
  }
}
