package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code c1} of the replies the client receives is uniform given everything the client knows
 * (docs/security.md): the client's whole tape (secret key, public key, input ciphertexts) and the
 * server's weights are fixed, and over many sessions the difference between a session's reply
 * {@code c1} and the first session's, coefficient by coefficient, is uniform modulo the reply's
 * prime, by a chi-square test over 64 equal buckets. The same test fails on the weakened reply
 * without re-randomisation, whose {@code c1} is a function of what the client knows and the
 * weights only.
 */
class ClientViewTest {
  private static final int L = 37;
  private static final BfvParameters PARAMS = BfvParameters.session(L);
  private static final int SESSIONS = 40;
  private static final int BUCKETS = 64;
  /** Chi-square with 63 degrees of freedom exceeds 125 with probability below 1e-5. */
  private static final double CHI_SQUARE_LIMIT = 125;
  private final SplittableRandom rnd = new SplittableRandom(43);
  private final AesPrg prg = AesPrg.fromSecureRandom();

  @Test
  void theReplysC1IsUniformGivenTheClientsViewAndTheWeakenedOneIsNot() {
    ConvShape shape = new ConvShape(200, 8, 8, 1, 3, 1, 1);
    HomConv plan = new HomConv(shape, PARAMS.n());
    long[] k = new long[200 * 9];
    for (int i = 0; i < k.length; i++) {
      k[i] = (rnd.nextInt(1 << 14) - (1 << 13)) & PARAMS.plainMask();
    }
    long[][] kernel = plan.encodeKernel(k);
    NttPlaintext[] pw = new NttPlaintext[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      pw[i] = NttPlaintext.encode(PARAMS, kernel[i]);
    }
    SecretKey sk = SecretKey.generate(PARAMS, prg);
    Encryptor enc = new Encryptor(sk, prg);
    PublicKey pk = PublicKey.generate(sk, prg);
    long[] x = new long[shape.channels() * shape.height() * shape.width()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextLong() & PARAMS.plainMask();
    }
    long[][] polys = plan.encodeInput(x);
    Ciphertext[] fresh = new Ciphertext[polys.length];
    for (int g = 0; g < polys.length; g++) {
      fresh[g] = enc.encrypt(polys[g]);
    }
    FloodingBudget budget = FloodingBudget.forSession(PARAMS, 1L << 20);
    assertThat(chiSquare(plan, fresh, pw, new ReplySealer(pk, budget, prg)))
        .as("chi-square of the engine's c1").isLessThan(CHI_SQUARE_LIMIT);
    assertThat(chiSquare(plan, fresh, pw, new ReplySealer(pk, budget, prg, false)))
        .as("chi-square of the weakened c1").isGreaterThan(100 * CHI_SQUARE_LIMIT);
  }

  /** Runs the sessions on copies of the same input ciphertexts; returns the statistic. */
  private double chiSquare(HomConv plan, Ciphertext[] input, NttPlaintext[] pw,
      ReplySealer sealer) {
    int n = PARAMS.n();
    long p = sealer.replyParams().prime(0).value();
    long[] first = null;
    long[] counts = new long[BUCKETS];
    long total = 0;
    for (int s = 0; s < SESSIONS; s++) {
      Ciphertext[] in = new Ciphertext[input.length];
      for (int g = 0; g < in.length; g++) {
        in[g] = Ciphertext.fromLongs(PARAMS, input[g].toLongs());
      }
      long[] mask = new long[n];
      for (int j = 0; j < n; j++) {
        mask[j] = rnd.nextLong() & PARAMS.plainMask();
      }
      long[] c1 = sealer.seal(plan.evaluate(PARAMS, in, pw)[0], mask,
          plan.outputPositions()[0]).c1;
      if (first == null) {
        first = c1;
        continue;
      }
      for (int j = 0; j < n; j++) {
        long d = Math.floorMod(c1[j] - first[j], p);
        counts[(int) (d * BUCKETS / p)]++;
        total++;
      }
    }
    double expected = (double) total / BUCKETS;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return chi2;
  }
}
