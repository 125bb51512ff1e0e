package io.deepreshape.pi.he;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Parameters of the BFV scheme: ring degree {@code N}, ciphertext modulus {@code q = p1 ... pk}
 * ({@code k} NTT-friendly primes in {@code (2^54, 2^54.5)}, the largest below that bound, so {@code
 * log2 q < 54.5 k}) and plaintext modulus {@code t = 2^l}. The HomomorphicEncryption.org standard
 * (Albrecht et al. 2018, table 1: ternary secret, error standard deviation about 3.2, 128-bit
 * classical security) allows {@code log2 q <= 109} at {@code N = 4096} (two primes) and {@code <=
 * 218} at {@code N = 8192} (the engine's three primes, {@link #session}). Parameters with the same
 * {@code N} and fewer primes share a prefix of the primes ({@link #firstPrimes}): a ciphertext is
 * switched down to them before it is sent back. Also holds the derived constants for encoding
 * ({@code round(q m / t)} in RNS) and, for one or two primes, for decoding.
 */
public final class BfvParameters {
  /** The ring degree of the engine's session parameters. */
  public static final int SESSION_N = 8192;
  /** Primes of the engine's session parameters: {@code log2 q} about 163.4, below 218. */
  public static final int SESSION_PRIMES = 3;
  /** The ring degree of the two-prime parameters {@link #of(int)}. */
  public static final int DEFAULT_N = 4096;
  /** Bound for both primes: {@code floor(2^54.5)}, so that {@code q < 2^109}. */
  static final long PRIME_BOUND = (long) Math.floor(Math.pow(2, 54.5));

  private final int n;
  private final int plainBits;
  private final Modulus[] primes;
  private final Ntt[] ntts;
  private final BigInteger q;
  private final long[] deltaMod;
  private final long qModT;
  private final long p2InvModP1;
  private final long qHi;
  private final long qLo;
  private final BfvParameters[] prefixes;

  private BfvParameters(int n, int plainBits, Modulus[] primes, Ntt[] ntts) {
    if (plainBits < 2 || plainBits > 60) {
      throw new IllegalArgumentException("plaintext bits l must be in [2, 60], got " + plainBits);
    }
    this.n = n;
    this.plainBits = plainBits;
    this.primes = primes;
    this.ntts = ntts;
    int k = primes.length;
    BigInteger qq = BigInteger.ONE;
    for (Modulus p : primes) {
      qq = qq.multiply(BigInteger.valueOf(p.value()));
    }
    q = qq;
    BigInteger t = BigInteger.ONE.shiftLeft(plainBits);
    BigInteger delta = q.divide(t);
    deltaMod = new long[k];
    for (int i = 0; i < k; i++) {
      deltaMod[i] = delta.mod(BigInteger.valueOf(primes[i].value())).longValue();
    }
    qModT = q.mod(t).longValue();
    p2InvModP1 = k == 2 ? BigInteger.valueOf(primes[1].value())
        .modInverse(BigInteger.valueOf(primes[0].value())).longValue() : 0;
    qHi = k <= 2 ? q.shiftRight(64).longValue() : 0;
    qLo = q.longValue();
    prefixes = new BfvParameters[k];
    prefixes[k - 1] = this;
    for (int j = k - 1; j >= 1; j--) {
      prefixes[j - 1] = new BfvParameters(n, plainBits, Arrays.copyOf(primes, j),
          Arrays.copyOf(ntts, j));
    }
  }

  private static BfvParameters build(int n, int plainBits, int primeCount) {
    if (primeCount < 1 || primeCount > 4) {
      throw new IllegalArgumentException("prime count must be in [1, 4], got " + primeCount);
    }
    long[] ps = Primes.nttPrimesBelow(PRIME_BOUND, n, primeCount);
    Modulus[] mods = new Modulus[primeCount];
    Ntt[] ntts = new Ntt[primeCount];
    for (int i = 0; i < primeCount; i++) {
      mods[i] = new Modulus(ps[i]);
      ntts[i] = new Ntt(mods[i], n);
    }
    return new BfvParameters(n, plainBits, mods, ntts);
  }

  /** Two primes at {@code N = 4096} and {@code t = 2^plainBits} ({@code log2 q < 109}). */
  public static BfvParameters of(int plainBits) {
    return build(DEFAULT_N, plainBits, 2);
  }

  /**
   * Two primes at another ring degree (a power of two; below 4096 they are insecure and only
   * meant for fast tests of the encodings).
   */
  public static BfvParameters of(int n, int plainBits) {
    return build(n, plainBits, 2);
  }

  /**
   * {@code primeCount} primes at ring degree {@code n}; 128-bit secure where {@code 54.5 *
   * primeCount} is within the standard's bound for {@code n} (see {@link #is128BitSecure}).
   */
  public static BfvParameters of(int n, int plainBits, int primeCount) {
    return build(n, plainBits, primeCount);
  }

  /** The engine's session parameters: {@code N = 8192}, three primes, {@code t = 2^plainBits}. */
  public static BfvParameters session(int plainBits) {
    return build(SESSION_N, plainBits, SESSION_PRIMES);
  }

  /** The parameters of the first {@code count} primes (same {@code N}, {@code t}, tables). */
  public BfvParameters firstPrimes(int count) {
    if (count < 1 || count > primes.length) {
      throw new IllegalArgumentException("prime count must be in [1, " + primes.length + "], got "
          + count);
    }
    return prefixes[count - 1];
  }

  /**
   * The largest {@code log2 q} the HomomorphicEncryption.org standard (table 1, ternary secret,
   * classical attacks) allows at this {@code N} for 128-bit security, or 0 where it has none.
   */
  public static int maxLog2QFor128Bits(int n) {
    return switch (n) {
      case 1024 -> 27;
      case 2048 -> 54;
      case 4096 -> 109;
      case 8192 -> 218;
      case 16384 -> 438;
      case 32768 -> 881;
      default -> 0;
    };
  }

  /** Whether these parameters are 128-bit secure by that table. */
  public boolean is128BitSecure() {
    return log2q() <= maxLog2QFor128Bits(n);
  }

  /** Ring degree {@code N}. */
  public int n() {
    return n;
  }

  /** {@code l}, where the plaintext modulus is {@code t = 2^l}. */
  public int plainBits() {
    return plainBits;
  }

  /** Mask {@code t - 1}. */
  public long plainMask() {
    return (1L << plainBits) - 1;
  }

  /** Number of RNS primes. */
  public int primeCount() {
    return primes.length;
  }

  /** RNS prime {@code i}. */
  public Modulus prime(int i) {
    return primes[i];
  }

  /** NTT tables for prime {@code i}. */
  public Ntt ntt(int i) {
    return ntts[i];
  }

  /** The ciphertext modulus {@code q}. */
  public BigInteger q() {
    return q;
  }

  /** {@code log2(q / (2t))}: the noise a ciphertext can carry and still decrypt, in bits. */
  public double noiseLimitBits() {
    return log2q() - 1 - plainBits;
  }

  /** {@code log2 q}. */
  public double log2q() {
    return Math.log(q.doubleValue()) / Math.log(2);
  }

  long deltaMod(int i) {
    return deltaMod[i];
  }

  long qModT() {
    return qModT;
  }

  long p2InvModP1() {
    return p2InvModP1;
  }

  long qHi() {
    return qHi;
  }

  long qLo() {
    return qLo;
  }
}
