package io.deepreshape.pi.he;

import java.math.BigInteger;

/**
 * Parameters of the BFV scheme: ring degree {@code N}, ciphertext modulus {@code q = p1 * p2}
 * (two NTT-friendly primes in {@code (2^54, 2^54.5)}, so {@code log2 q < 109}: 128-bit classical
 * security at {@code N = 4096} by the HomomorphicEncryption.org standard, table 1, ternary secret,
 * error standard deviation about 3.2) and plaintext modulus {@code t = 2^l}. Also holds the
 * derived constants for encoding ({@code round(q m / t)} in RNS) and CRT decoding.
 */
public final class BfvParameters {
  /** The ring degree used by the engine. */
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

  private BfvParameters(int n, int plainBits) {
    if (plainBits < 2 || plainBits > 60) {
      throw new IllegalArgumentException("plaintext bits l must be in [2, 60], got " + plainBits);
    }
    this.n = n;
    this.plainBits = plainBits;
    long[] ps = Primes.nttPrimesBelow(PRIME_BOUND, n, 2);
    primes = new Modulus[] {new Modulus(ps[0]), new Modulus(ps[1])};
    ntts = new Ntt[] {new Ntt(primes[0], n), new Ntt(primes[1], n)};
    q = BigInteger.valueOf(ps[0]).multiply(BigInteger.valueOf(ps[1]));
    BigInteger t = BigInteger.ONE.shiftLeft(plainBits);
    BigInteger delta = q.divide(t);
    deltaMod = new long[] {delta.mod(BigInteger.valueOf(ps[0])).longValue(),
        delta.mod(BigInteger.valueOf(ps[1])).longValue()};
    qModT = q.mod(t).longValue();
    p2InvModP1 = BigInteger.valueOf(ps[1]).modInverse(BigInteger.valueOf(ps[0])).longValue();
    qHi = q.shiftRight(64).longValue();
    qLo = q.longValue();
  }

  /** The engine's parameters: {@code N = 4096} and {@code t = 2^plainBits}. */
  public static BfvParameters of(int plainBits) {
    return new BfvParameters(DEFAULT_N, plainBits);
  }

  /**
   * Parameters with another ring degree (a power of two; below 4096 they are insecure and only
   * meant for fast tests of the encodings).
   */
  public static BfvParameters of(int n, int plainBits) {
    return new BfvParameters(n, plainBits);
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

  /** Number of RNS primes (2). */
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
