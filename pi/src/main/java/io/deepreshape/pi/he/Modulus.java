package io.deepreshape.pi.he;

import java.math.BigInteger;

/**
 * Arithmetic modulo a prime {@code p} with {@code 2^54 < p < 2^55}: Barrett reduction of 110-bit
 * products (Barrett 1986, with {@code mu = floor(2^110 / p)}, quotient error at most 2) using
 * {@link Math#multiplyHigh}, and Shoup's precomputed-quotient multiplication for fixed operands
 * (Shoup, NTL; Harvey, "Faster arithmetic for number-theoretic transforms", 2014).
 */
public final class Modulus {
  /** Bit length every modulus has (values are below {@code 2^55}). */
  static final int BITS = 55;

  /** The low limb of a 110-bit product: its bits below {@code 2^55}. */
  public static final long LIMB_MASK = (1L << BITS) - 1;

  private final long p;
  private final long muShifted;
  private final long pow55;
  private final long pow55Shoup;

  /** A modulus for the prime {@code p}, which must lie in {@code (2^54, 2^55)}. */
  public Modulus(long p) {
    if (p <= (1L << (BITS - 1)) || p >= (1L << BITS)) {
      throw new IllegalArgumentException("modulus must lie in (2^54, 2^55), got " + p);
    }
    this.p = p;
    this.muShifted = BigInteger.ONE.shiftLeft(2 * BITS).divide(BigInteger.valueOf(p))
        .shiftLeft(64 - (BITS + 1)).longValue();
    this.pow55 = BigInteger.ONE.shiftLeft(BITS).mod(BigInteger.valueOf(p)).longValue();
    this.pow55Shoup = shoup(pow55);
  }

  /** The prime. */
  public long value() {
    return p;
  }

  /** {@code a * b mod p} for {@code a, b} in {@code [0, p)}. */
  public long mul(long a, long b) {
    long lo = a * b;
    long hi = Math.multiplyHigh(a, b);
    long top = (hi << (64 - (BITS - 1))) | (lo >>> (BITS - 1));
    long q = umulhi(muShifted, top);
    long r = lo - q * p;
    if (r >= p) {
      r -= p;
    }
    if (r >= p) {
      r -= p;
    }
    return r;
  }

  /**
   * {@code (high 2^55 + low) mod p} for non-negative {@code high} and {@code low}: the value of a
   * sum of up to 256 products of residues kept in two 55-bit limbs ({@link #LIMB_MASK}).
   */
  public long reduceLimbs(long high, long low) {
    // [0, 2p) plus [0, p): below 3p < 2^57
    long r = mulShoupLazy(high, pow55, pow55Shoup, p) + reduceNonNegative(low);
    if (r >= p) {
      r -= p;
    }
    if (r >= p) {
      r -= p;
    }
    return r;
  }

  /** {@code (a + b) mod p} for {@code a, b} in {@code [0, p)}. */
  public long add(long a, long b) {
    long s = a + b;
    return s >= p ? s - p : s;
  }

  /** {@code (a - b) mod p} for {@code a, b} in {@code [0, p)}. */
  public long sub(long a, long b) {
    long s = a - b;
    return s < 0 ? s + p : s;
  }

  /** The residue of {@code x} with {@code |x| < p}, without a division. */
  public long fromSmall(long x) {
    return x < 0 ? x + p : x;
  }

  /** The residue of any signed long (Barrett reduction; the quotient estimate is off by <= 2). */
  public long reduce(long x) {
    if (x >= 0) {
      return reduceNonNegative(x);
    }
    if (x == Long.MIN_VALUE) {
      return Math.floorMod(x, p);
    }
    long r = reduceNonNegative(-x);
    return r == 0 ? 0 : p - r;
  }

  private long reduceNonNegative(long x) {
    long q = umulhi(muShifted, x >>> (BITS - 1));
    long r = x - q * p;
    if (r >= p) {
      r -= p;
    }
    if (r >= p) {
      r -= p;
    }
    return r;
  }

  /** {@code a^e mod p}. */
  public long pow(long a, long e) {
    long r = 1;
    long b = a;
    while (e > 0) {
      if ((e & 1) != 0) {
        r = mul(r, b);
      }
      b = mul(b, b);
      e >>>= 1;
    }
    return r;
  }

  /** The inverse of {@code a != 0} modulo the prime. */
  public long inverse(long a) {
    return pow(a, p - 2);
  }

  /** Shoup's precomputed quotient {@code floor(w * 2^64 / p)} of a fixed operand {@code w < p}. */
  public long shoup(long w) {
    return BigInteger.valueOf(w).shiftLeft(64).divide(BigInteger.valueOf(p)).longValue();
  }

  /**
   * {@code w * y mod p} lazily in {@code [0, 2p)}, for {@code y < 2^63} and {@code wShoup =
   * shoup(w)}.
   */
  static long mulShoupLazy(long y, long w, long wShoup, long p) {
    long q = umulhi(wShoup, y);
    return w * y - q * p;
  }

  /** High 64 bits of the unsigned product, for {@code b < 2^63}. */
  static long umulhi(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b);
  }
}
