package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 14 on the server's weights, mounted by a client that follows the protocol.
 * Without re-randomisation the reply's {@code c1 = sum_g a_g w_g} is a product of the client's own
 * {@code a_g} with the kernel polynomials: in NTT form, slot by slot, {@code w = c1 / a} for one
 * input group, and a {@code G x G} linear system over {@code G} replies (sessions) for {@code G}
 * groups. The attack recovers every kernel coefficient exactly from that weakened reply, and
 * nothing from the engine's sealed reply (recovered values uncorrelated with the weights, no
 * weight matched), with or without the final switch to one prime.
 */
class WeightRecoveryAttackTest {
  private static final int L = 37;
  private static final BfvParameters PARAMS = BfvParameters.session(L);
  /** Five standard deviations of a correlation over 8192 independent pairs. */
  private static final double NO_CORRELATION = 5 / Math.sqrt(8192);
  private final SplittableRandom rnd = new SplittableRandom(41);
  private final AesPrg prg = AesPrg.fromSecureRandom();

  @Test
  void aConvolutionWithOneInputGroup() {
    attackConv(new ConvShape(16, 8, 8, 3, 3, 1, 1), 1);
  }

  @Test
  void aConvolutionWithSeveralInputGroups() {
    attackConv(new ConvShape(200, 8, 8, 2, 3, 1, 1), 3);
  }

  private void attackConv(ConvShape shape, int groups) {
    HomConv plan = new HomConv(shape, PARAMS.n());
    assertThat(plan.inputPolys()).isEqualTo(groups);
    int h = shape.kernel();
    attack(plan.encodeKernel(weights(shape.kernels() * shape.channels() * h * h)),
        plan.outputPolys(), groups, shape.channels() * shape.height() * shape.width(),
        x -> plan.encodeInput(x), (in, w) -> plan.evaluate(PARAMS, in, w));
  }

  @Test
  void theFullyConnectedLayer() {
    HomFc plan = new HomFc(512, 100, PARAMS.n());
    assertThat(plan.inputPolys()).isEqualTo(1);
    assertThat(plan.outputPolys()).isEqualTo(7);
    attack(plan.encodeWeights(weights(512 * 100)), 7, 1, 512, x -> plan.encodeInput(x),
        (in, w) -> plan.evaluate(PARAMS, in, w));
  }

  /** The layer under attack: its input encoding and the server's product. */
  private interface Encode {
    long[][] input(long[] x);
  }

  private interface Evaluate {
    Ciphertext[] apply(Ciphertext[] in, NttPlaintext[] w);
  }

  /**
   * Runs {@code groups} sessions (one suffices for one group) against the weakened, the
   * re-randomised full-modulus and the engine's replies of a layer with {@code outputs} output
   * polynomials, and attacks each.
   */
  private void attack(long[][] kernel, int outputs, int groups, int inputs, Encode encode,
      Evaluate evaluate) {
    NttPlaintext[] pw = new NttPlaintext[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      pw[i] = NttPlaintext.encode(PARAMS, kernel[i]);
    }
    SecretKey sk = SecretKey.generate(PARAMS, prg);
    Encryptor enc = new Encryptor(sk, prg);
    PublicKey pk = PublicKey.generate(sk, prg);
    FloodingBudget budget = FloodingBudget.forSession(PARAMS, 1L << 20);
    long[][][] aNtt = new long[groups][][];
    long[][][] weak = new long[groups][][];
    long[][][] rerandomised = new long[groups][][];
    long[][][] engine = new long[groups][][];
    for (int session = 0; session < groups; session++) {
      Ciphertext[] in = new Ciphertext[groups];
      long[][] polys = encode.input(ring(inputs));
      aNtt[session] = new long[groups][];
      for (int g = 0; g < groups; g++) {
        in[g] = enc.encrypt(polys[g]);
        aNtt[session][g] = firstPrime(in[g].c1);
      }
      weak[session] = replies(evaluate.apply(in, pw), new ReplySealer(pk, budget, prg, false),
          false);
      rerandomised[session] = replies(evaluate.apply(in, pw), new ReplySealer(pk, budget, prg),
          false);
      engine[session] = replies(evaluate.apply(in, pw), new ReplySealer(pk, budget, prg), true);
    }
    long[][] truth = new long[outputs * groups][];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = centred(kernel[i]);
    }
    long[][] fromWeak = recover(aNtt, weak, outputs);
    for (int i = 0; i < truth.length; i++) {
      assertThat(fromWeak[i]).as("kernel polynomial %d from the weakened reply", i)
          .isEqualTo(truth[i]);
    }
    assertNothingRecovered(recover(aNtt, rerandomised, outputs), truth, "re-randomised");
    assertNothingRecovered(recover(aNtt, engine, outputs), truth, "engine");
  }

  /** The replies' {@code c1}, modulo the first prime, in NTT form. */
  private long[][] replies(Ciphertext[] out, ReplySealer sealer, boolean switchDown) {
    long[][] c1 = new long[out.length][];
    for (int o = 0; o < out.length; o++) {
      long[] mask = ring(PARAMS.n());
      Ciphertext reply = switchDown ? sealer.seal(out[o], mask) : sealer.sealFull(out[o], mask);
      long[] first = firstPrime(reply.c1);
      PARAMS.ntt(0).forward(first, 0);
      c1[o] = first;
    }
    return c1;
  }

  /**
   * Slot by slot, solves {@code c1[s] = sum_g a[s][g] w_g} (mod the first prime) over the
   * sessions {@code s} for every output, then returns the centred kernel coefficients, indexed
   * {@code output * groups + g}.
   */
  private static long[][] recover(long[][][] a, long[][][] c1, int outputs) {
    int groups = a.length;
    int n = PARAMS.n();
    Modulus p = PARAMS.prime(0);
    long[][] w = new long[outputs * groups][n];
    for (int o = 0; o < outputs; o++) {
      for (int j = 0; j < n; j++) {
        long[][] m = new long[groups][groups + 1];
        for (int s = 0; s < groups; s++) {
          for (int g = 0; g < groups; g++) {
            m[s][g] = a[s][g][j];
          }
          m[s][groups] = c1[s][o][j];
        }
        long[] x = solve(m, p);
        for (int g = 0; g < groups; g++) {
          w[o * groups + g][j] = x[g];
        }
      }
    }
    for (long[] poly : w) {
      PARAMS.ntt(0).inverse(poly, 0);
      long half = p.value() / 2;
      for (int j = 0; j < n; j++) {
        poly[j] = poly[j] > half ? poly[j] - p.value() : poly[j];
      }
    }
    return w;
  }

  /** Gauss-Jordan elimination of an augmented system modulo a prime. */
  private static long[] solve(long[][] m, Modulus p) {
    int k = m.length;
    for (int c = 0; c < k; c++) {
      int pivot = c;
      while (m[pivot][c] == 0) {
        pivot++;
      }
      long[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      long inv = p.inverse(m[c][c]);
      for (int j = c; j <= k; j++) {
        m[c][j] = p.mul(m[c][j], inv);
      }
      for (int r = 0; r < k; r++) {
        if (r != c && m[r][c] != 0) {
          long f = m[r][c];
          for (int j = c; j <= k; j++) {
            m[r][j] = p.sub(m[r][j], p.mul(f, m[c][j]));
          }
        }
      }
    }
    long[] x = new long[k];
    for (int r = 0; r < k; r++) {
      x[r] = m[r][k];
    }
    return x;
  }

  private static void assertNothingRecovered(long[][] got, long[][] truth, String what) {
    long matched = 0;
    long nonzero = 0;
    for (int i = 0; i < truth.length; i++) {
      for (int j = 0; j < truth[i].length; j++) {
        if (truth[i][j] != 0) {
          nonzero++;
          matched += got[i][j] == truth[i][j] ? 1 : 0;
        }
      }
      assertThat(Math.abs(correlation(got[i], truth[i])))
          .as("correlation of the kernel polynomial %d with its recovery from the %s reply", i,
              what)
          .isLessThan(NO_CORRELATION);
    }
    assertThat(nonzero).isGreaterThan(400);
    assertThat(matched).as("weights recovered exactly from the %s reply", what).isZero();
  }

  private static double correlation(long[] x, long[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static long[] firstPrime(long[] rns) {
    long[] out = new long[PARAMS.n()];
    System.arraycopy(rns, 0, out, 0, out.length);
    return out;
  }

  private static long[] centred(long[] modT) {
    long[] out = new long[modT.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (modT[i] << (64 - L)) >> (64 - L);
    }
    return out;
  }

  private long[] ring(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextLong() & PARAMS.plainMask();
    }
    return v;
  }

  /** Signed 14-bit weights as values mod 2^l. */
  private long[] weights(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & PARAMS.plainMask();
    }
    return v;
  }
}
