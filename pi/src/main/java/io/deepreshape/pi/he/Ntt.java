package io.deepreshape.pi.he;

/**
 * The negacyclic number-theoretic transform over {@code Z_p[X]/(X^N+1)}: Cooley-Tukey forward and
 * Gentleman-Sande inverse butterflies with powers of a primitive {@code 2N}-th root of unity in
 * bit-reversed order (Longa and Naehrig, "Speeding up the NTT for RLWE-based cryptography", CANS
 * 2016), Shoup multiplication and Harvey's lazy reduction (values kept in {@code [0, 4p)} between
 * stages). Output of {@link #forward} is in bit-reversed order, which {@link #inverse} expects.
 */
public final class Ntt {
  private final int n;
  private final int logN;
  private final long p;
  private final long[] psi;
  private final long[] psiShoup;
  private final long[] psiInv;
  private final long[] psiInvShoup;
  private final long nInv;
  private final long nInvShoup;
  /** {@code psi^-1 / n}, the last inverse stage's twiddle with the scaling folded in. */
  private final long lastInv;
  private final long lastInvShoup;

  /** Tables for length {@code n} (a power of two) modulo {@code m}, which must be 1 mod 2n. */
  public Ntt(Modulus m, int n) {
    if (Integer.bitCount(n) != 1 || n < 2) {
      throw new IllegalArgumentException("NTT length must be a power of two >= 2, got " + n);
    }
    this.p = m.value();
    if ((p - 1) % (2L * n) != 0) {
      throw new IllegalArgumentException("prime " + p + " is not 1 mod " + 2 * n);
    }
    this.n = n;
    this.logN = Integer.numberOfTrailingZeros(n);
    long root = Primes.primitiveRoot(m, 2L * n);
    long rootInv = m.inverse(root);
    psi = new long[n];
    psiShoup = new long[n];
    psiInv = new long[n];
    psiInvShoup = new long[n];
    for (int k = 0; k < n; k++) {
      int rev = Integer.reverse(k) >>> (32 - logN);
      psi[k] = m.pow(root, rev);
      psiShoup[k] = m.shoup(psi[k]);
      psiInv[k] = m.pow(rootInv, rev);
      psiInvShoup[k] = m.shoup(psiInv[k]);
    }
    nInv = m.inverse(n);
    nInvShoup = m.shoup(nInv);
    lastInv = m.mul(psiInv[1], nInv);
    lastInvShoup = m.shoup(lastInv);
  }

  /** The transform length. */
  public int length() {
    return n;
  }

  /** In-place forward transform of {@code a[off..off+n)}, inputs in {@code [0, p)}. */
  public void forward(long[] a, int off) {
    long twoP = 2 * p;
    int t = n;
    for (int m = 1; m < n >> 1; m <<= 1) {
      t >>= 1;
      for (int i = 0; i < m; i++) {
        int j1 = off + 2 * i * t;
        long w = psi[m + i];
        long ws = psiShoup[m + i];
        for (int j = j1; j < j1 + t; j++) {
          long x = a[j];
          if (x >= twoP) {
            x -= twoP;
          }
          long y = Modulus.mulShoupLazy(a[j + t], w, ws, p);
          a[j] = x + y;
          a[j + t] = x - y + twoP;
        }
      }
    }
    lastForwardStage(a, off);
  }

  /** The stage of adjacent pairs ({@code t = 1}), which also reduces the output to {@code [0, p)}. */
  private void lastForwardStage(long[] a, int off) {
    long twoP = 2 * p;
    int m = n >> 1;
    for (int i = 0; i < m; i++) {
      int j = off + 2 * i;
      long x = a[j];
      if (x >= twoP) {
        x -= twoP;
      }
      long y = Modulus.mulShoupLazy(a[j + 1], psi[m + i], psiShoup[m + i], p);
      a[j] = toResidue(x + y, twoP);
      a[j + 1] = toResidue(x - y + twoP, twoP);
    }
  }

  /** In-place inverse transform of {@code a[off..off+n)}, inputs in {@code [0, p)}. */
  public void inverse(long[] a, int off) {
    long twoP = 2 * p;
    int t = 1;
    int m = n;
    if (n >= 4) {
      firstInverseStage(a, off);
      t = 2;
      m = n >> 1;
    }
    for (; m > 2; m >>= 1) {
      int h = m >> 1;
      int j1 = off;
      for (int i = 0; i < h; i++) {
        long w = psiInv[h + i];
        long ws = psiInvShoup[h + i];
        for (int j = j1; j < j1 + t; j++) {
          long u = a[j];
          long v = a[j + t];
          long s = u + v;
          a[j] = s >= twoP ? s - twoP : s;
          a[j + t] = Modulus.mulShoupLazy(u - v + twoP, w, ws, p);
        }
        j1 += 2 * t;
      }
      t <<= 1;
    }
    lastInverseStage(a, off, t);
  }

  /** The stage of adjacent pairs ({@code t = 1}) for {@code n >= 4}. */
  private void firstInverseStage(long[] a, int off) {
    long twoP = 2 * p;
    int h = n >> 1;
    for (int i = 0; i < h; i++) {
      int j = off + 2 * i;
      long u = a[j];
      long v = a[j + 1];
      long s = u + v;
      a[j] = s >= twoP ? s - twoP : s;
      a[j + 1] = Modulus.mulShoupLazy(u - v + twoP, psiInv[h + i], psiInvShoup[h + i], p);
    }
  }

  /** The stage of halves ({@code m = 2}), with the scaling by {@code 1/n} folded in. */
  private void lastInverseStage(long[] a, int off, int t) {
    long twoP = 2 * p;
    for (int j = off; j < off + t; j++) {
      long u = a[j];
      long v = a[j + t];
      a[j] = toResidue(Modulus.mulShoupLazy(u + v, nInv, nInvShoup, p), twoP);
      a[j + t] = toResidue(Modulus.mulShoupLazy(u - v + twoP, lastInv, lastInvShoup, p), twoP);
    }
  }

  /** {@code x mod p} for {@code x} in {@code [0, 4p)}. */
  private long toResidue(long x, long twoP) {
    if (x >= twoP) {
      x -= twoP;
    }
    return x >= p ? x - p : x;
  }
}
