package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;
import java.util.Arrays;

/**
 * The server's homomorphic operations, in place: plaintext-ciphertext products accumulated in NTT
 * form (one Barrett multiplication per coefficient and component), conversion to coefficient
 * form, addition and subtraction of scaled plaintexts, addition of fresh errors and of flooding
 * noise, and modulus switching (dropping the last prime with rounding).
 */
public final class BfvEvaluator {
  /** Terms summed before a reduction: 256 limbs below {@code 2^55} stay below {@code 2^63}. */
  static final int TERMS_PER_REDUCTION = 256;

  private final BfvParameters params;

  /** An evaluator for {@code params}. */
  public BfvEvaluator(BfvParameters params) {
    this.params = params;
  }

  /** {@code acc += ct * w}; both ciphertexts in NTT form. */
  public void multiplyAccumulate(Ciphertext acc, Ciphertext ct, NttPlaintext w) {
    requireNtt(acc);
    requireNtt(ct);
    int n = params.n();
    for (int i = 0; i < params.primeCount(); i++) {
      Modulus mod = params.prime(i);
      for (int j = i * n; j < (i + 1) * n; j++) {
        long wj = w.values[j];
        acc.c0[j] = mod.add(acc.c0[j], mod.mul(ct.c0[j], wj));
        acc.c1[j] = mod.add(acc.c1[j], mod.mul(ct.c1[j], wj));
      }
    }
  }

  /**
   * {@code sum_k cts[k] * ws[k]}, all in NTT form, as a new ciphertext. The products (below
   * {@code 2^110}) are summed exactly in two 55-bit limbs and reduced once per coefficient and
   * {@value #TERMS_PER_REDUCTION} terms, instead of once per product as {@link
   * #multiplyAccumulate} does.
   */
  public Ciphertext sumOfProducts(Ciphertext[] cts, NttPlaintext[] ws) {
    if (cts.length != ws.length) {
      throw new IllegalArgumentException("need as many plaintexts as ciphertexts, got "
          + ws.length + " and " + cts.length);
    }
    long[][] a0 = new long[cts.length][];
    long[][] a1 = new long[cts.length][];
    long[][] w = new long[cts.length][];
    for (int k = 0; k < cts.length; k++) {
      requireNtt(cts[k]);
      a0[k] = cts[k].c0;
      a1[k] = cts[k].c1;
      w[k] = ws[k].values;
    }
    Ciphertext acc = Ciphertext.zero(params);
    int n = params.n();
    long[] limbs = new long[4 * BLOCK];
    for (int i = 0; i < params.primeCount(); i++) {
      Modulus mod = params.prime(i);
      for (int from = i * n; from < (i + 1) * n; from += BLOCK) {
        int len = Math.min(BLOCK, (i + 1) * n - from);
        for (int k0 = 0; k0 < cts.length; k0 += TERMS_PER_REDUCTION) {
          int k1 = Math.min(cts.length, k0 + TERMS_PER_REDUCTION);
          Arrays.fill(limbs, 0);
          for (int k = k0; k < k1; k++) {
            accumulate(a0[k], a1[k], w[k], from, len, limbs);
          }
          reduce(mod, limbs, acc.c0, acc.c1, from, len);
        }
      }
    }
    return acc;
  }

  /** Coefficients summed per pass: their four limb sums stay in the first-level cache. */
  private static final int BLOCK = 512;

  /**
   * Adds the products {@code a0[j] w[j]} and {@code a1[j] w[j]}, {@code j = from .. from+len-1},
   * to the high and low limb sums at {@code limbs[0..len)}, {@code [BLOCK..)} (component 0) and
   * {@code [2 BLOCK..)}, {@code [3 BLOCK..)} (component 1).
   */
  private static void accumulate(long[] a0, long[] a1, long[] w, int from, int len,
      long[] limbs) {
    for (int j = 0; j < len; j++) {
      long y = w[from + j];
      long x0 = a0[from + j];
      long x1 = a1[from + j];
      long lo0 = x0 * y;
      long lo1 = x1 * y;
      limbs[j] += Math.multiplyHigh(x0, y) << (64 - Modulus.BITS) | lo0 >>> Modulus.BITS;
      limbs[BLOCK + j] += lo0 & Modulus.LIMB_MASK;
      limbs[2 * BLOCK + j] += Math.multiplyHigh(x1, y) << (64 - Modulus.BITS) | lo1 >>> Modulus.BITS;
      limbs[3 * BLOCK + j] += lo1 & Modulus.LIMB_MASK;
    }
  }

  /** Adds the reduced limb sums to {@code c0} and {@code c1} at {@code from .. from+len-1}. */
  private static void reduce(Modulus mod, long[] limbs, long[] c0, long[] c1, int from, int len) {
    for (int j = 0; j < len; j++) {
      c0[from + j] = mod.add(c0[from + j], mod.reduceLimbs(limbs[j], limbs[BLOCK + j]));
      c1[from + j] = mod.add(c1[from + j],
          mod.reduceLimbs(limbs[2 * BLOCK + j], limbs[3 * BLOCK + j]));
    }
  }

  /** Converts an NTT-form ciphertext to coefficient form. */
  public void toCoefficients(Ciphertext ct) {
    requireNtt(ct);
    for (int i = 0; i < params.primeCount(); i++) {
      params.ntt(i).inverse(ct.c0, i * params.n());
      params.ntt(i).inverse(ct.c1, i * params.n());
    }
    ct.ntt = false;
  }

  /** {@code ct += m} for a plaintext {@code m} in {@code [0, t)^N}; coefficient form. */
  public void addPlain(Ciphertext ct, long[] m) {
    requireCoefficients(ct);
    PlainEncoding.addScaled(params, ct.c0, m, 1);
  }

  /** {@code ct -= m} for a plaintext {@code m} in {@code [0, t)^N}; coefficient form. */
  public void subtractPlain(Ciphertext ct, long[] m) {
    requireCoefficients(ct);
    PlainEncoding.addScaled(params, ct.c0, m, -1);
  }

  /** {@code acc += u * p} for NTT-form polynomials {@code u} and {@code p} (RNS, all primes). */
  void multiplyAccumulate(long[] acc, long[] u, long[] p) {
    int n = params.n();
    for (int i = 0; i < params.primeCount(); i++) {
      Modulus mod = params.prime(i);
      for (int j = i * n; j < (i + 1) * n; j++) {
        acc[j] = mod.add(acc[j], mod.mul(u[j], p[j]));
      }
    }
  }

  /** Adds a fresh error polynomial ({@link Encryptor#error}) to {@code c}; coefficient form. */
  void addError(long[] c, AesPrg prg) {
    addError(c, params.n(), prg);
  }

  /** {@link #addError} on {@code n} coefficients per prime (prime {@code i} at {@code i n}). */
  void addError(long[] c, int n, AesPrg prg) {
    for (int j = 0; j < n; j++) {
      long e = Encryptor.error(prg);
      for (int i = 0; i < params.primeCount(); i++) {
        Modulus mod = params.prime(i);
        c[i * n + j] = mod.add(c[i * n + j], mod.fromSmall(e));
      }
    }
  }

  /**
   * Switches a coefficient-form ciphertext from these parameters to the ones without the last
   * prime {@code p}: every coefficient {@code c} becomes {@code round(c / p)}, computed as {@code
   * (c - [c]_p) p^-1} modulo each remaining prime with {@code [c]_p} the centred residue. The
   * phase is divided by {@code p}, the message kept, and the noise becomes {@code v / p} plus a
   * rounding term below {@code (1 + ||s||_1) / 2} (Brakerski, Gentry and Vaikuntanathan 2012).
   */
  public Ciphertext dropLastPrime(Ciphertext ct) {
    requireCoefficients(ct);
    int k = params.primeCount();
    if (k < 2) {
      throw new IllegalArgumentException("cannot drop the only prime");
    }
    return new Ciphertext(dropLast(ct.c0), dropLast(ct.c1), false);
  }

  private long[] dropLast(long[] c) {
    return dropLast(c, params.n());
  }

  /**
   * {@link #dropLastPrime} on one component of {@code n} coefficients per prime (prime {@code i}
   * at {@code i n}): coefficient by coefficient, so it applies to extracted coefficients alone.
   */
  long[] dropLast(long[] c, int n) {
    int k = params.primeCount();
    long p = params.prime(k - 1).value();
    long[] out = new long[(k - 1) * n];
    for (int i = 0; i < k - 1; i++) {
      Modulus mod = params.prime(i);
      long inv = mod.inverse(mod.reduce(p));
      long invShoup = mod.shoup(inv);
      long pi = mod.value();
      for (int j = 0; j < n; j++) {
        long v = c[(k - 1) * n + j];
        // |centred| <= p/2 < 2^54 < pi: every prime lies in (2^54, 2^55)
        long centred = v > p / 2 ? v - p : v;
        long x = Modulus.mulShoupLazy(mod.sub(c[i * n + j], mod.fromSmall(centred)), inv,
            invShoup, pi);
        out[i * n + j] = x >= pi ? x - pi : x;
      }
    }
    return out;
  }

  /**
   * Adds to every coefficient of {@code c0} an integer drawn uniformly from {@code [-2^bits,
   * 2^bits)}; coefficient form.
   */
  public void flood(Ciphertext ct, int bits, AesPrg prg) {
    requireCoefficients(ct);
    flood(ct.c0, params.n(), bits, prg);
  }

  /** {@link #flood} on {@code n} coefficients per prime of {@code c0} (prime {@code i} at {@code i n}). */
  void flood(long[] c0, int n, int bits, AesPrg prg) {
    if (bits < 1 || bits > 123) {
      throw new IllegalArgumentException("flooding bits must be in [1, 123], got " + bits);
    }
    long[] two62 = new long[params.primeCount()];
    for (int i = 0; i < two62.length; i++) {
      two62[i] = params.prime(i).reduce(1L << 62);
    }
    for (int j = 0; j < n; j++) {
      long low;
      long high;
      if (bits < 62) {
        low = prg.nextLong(1L << (bits + 1)) - (1L << bits);
        high = 0;
      } else {
        low = prg.nextLong() >>> 2;
        high = prg.nextLong(1L << (bits - 62 + 1)) - (1L << (bits - 62));
      }
      for (int i = 0; i < params.primeCount(); i++) {
        Modulus mod = params.prime(i);
        long v = mod.add(mod.reduce(low), mod.mul(mod.reduce(high), two62[i]));
        c0[i * n + j] = mod.add(c0[i * n + j], v);
      }
    }
  }

  private static void requireNtt(Ciphertext ct) {
    if (!ct.ntt) {
      throw new IllegalStateException("ciphertext must be in NTT form");
    }
  }

  private static void requireCoefficients(Ciphertext ct) {
    if (ct.ntt) {
      throw new IllegalStateException("ciphertext must be in coefficient form");
    }
  }
}
