package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NttTest {
  private static final SplittableRandom RND = new SplittableRandom(17);

  @Test
  void barrettMultiplicationMatchesBigInteger() {
    long p = Primes.nttPrimesBelow(BfvParameters.PRIME_BOUND, 4096, 1)[0];
    Modulus m = new Modulus(p);
    BigInteger bp = BigInteger.valueOf(p);
    for (int i = 0; i < 20_000; i++) {
      long a = i < 3 ? p - 1 - i : RND.nextLong(p);
      long b = i < 3 ? p - 1 : RND.nextLong(p);
      long want = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(bp).longValue();
      assertThat(m.mul(a, b)).isEqualTo(want);
    }
    assertThat(m.mul(m.inverse(12345), 12345)).isEqualTo(1);
    for (long x : new long[] {0, 1, -1, p, -p, p - 1, 1 - p, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE + 1, RND.nextLong(), RND.nextLong()}) {
      assertThat(m.reduce(x)).as("reduce %d", x).isEqualTo(Math.floorMod(x, p));
    }
  }

  @Test
  void primesAreBelowTheSecurityBoundAndNttFriendly() {
    BfvParameters params = BfvParameters.of(37);
    assertThat(params.log2q()).isLessThanOrEqualTo(109.0).isGreaterThan(108.0);
    for (int i = 0; i < params.primeCount(); i++) {
      long p = params.prime(i).value();
      assertThat(BigInteger.valueOf(p).isProbablePrime(64)).isTrue();
      assertThat(p % 8192).isEqualTo(1);
    }
  }

  @Test
  void forwardThenInverseIsIdentity() {
    for (int n : new int[] {2, 16, 4096}) {
      Modulus m = new Modulus(Primes.nttPrimesBelow(BfvParameters.PRIME_BOUND, n, 1)[0]);
      Ntt ntt = new Ntt(m, n);
      long[] a = random(m, n);
      long[] b = a.clone();
      ntt.forward(b, 0);
      ntt.inverse(b, 0);
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void pointwiseProductIsTheNegacyclicConvolution() {
    for (int n : new int[] {8, 256, 4096}) {
      Modulus m = new Modulus(Primes.nttPrimesBelow(BfvParameters.PRIME_BOUND, n, 2)[1]);
      Ntt ntt = new Ntt(m, n);
      long[] a = random(m, n);
      long[] b = random(m, n);
      long[] want = negacyclic(m, a, b, n == 4096 ? 16 : n);
      long[] fa = a.clone();
      long[] fb = b.clone();
      ntt.forward(fa, 0);
      ntt.forward(fb, 0);
      for (int i = 0; i < n; i++) {
        fa[i] = m.mul(fa[i], fb[i]);
      }
      ntt.inverse(fa, 0);
      for (int k = 0; k < want.length; k++) {
        assertThat(fa[k * (n / want.length)]).as("n=%d coefficient %d", n, k * (n / want.length))
            .isEqualTo(want[k]);
      }
    }
  }

  /** {@code count} evenly spaced coefficients of {@code a * b mod (X^n + 1)}, computed naively. */
  private static long[] negacyclic(Modulus m, long[] a, long[] b, int count) {
    int n = a.length;
    long[] out = new long[count];
    for (int c = 0; c < count; c++) {
      int k = c * (n / count);
      long acc = 0;
      for (int i = 0; i < n; i++) {
        int j = k - i;
        long prod = m.mul(a[i], b[j >= 0 ? j : j + n]);
        acc = j >= 0 ? m.add(acc, prod) : m.sub(acc, prod);
      }
      out[c] = acc;
    }
    return out;
  }

  private static long[] random(Modulus m, int n) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = RND.nextLong(m.value());
    }
    return a;
  }
}
