package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;
import java.util.Arrays;

/**
 * Makes the server's result ciphertext safe to return (circuit privacy, docs/security.md): to the
 * weighted sum {@code sum_g ct_g w_g} (NTT form) it adds a fresh public-key encryption of zero
 * {@code (u b + e0, u a + e1)} with ternary {@code u} and fresh errors, so that {@code c1} is an
 * RLWE sample under the server's secret {@code u} instead of a product of the client's own {@code
 * a_g} with the weights; it subtracts the server's mask {@code T} on every coefficient, floods
 * {@code c0} with a uniform integer of {@link FloodingBudget#floodBits} bits that covers the
 * weights' and the re-randomisation's noise, and switches the result down to {@link
 * FloodingBudget#replyPrimes} primes (a public function of the flooded ciphertext, which keeps
 * replies as small as before). This is the approach PI-ENGINE.md asks for, after Cheetah (Huang
 * et al., USENIX Security 2022): flooding makes the phase independent of the weights, then {@code
 * u a + e1}, with {@code u} and {@code e1} fresh and no longer visible in the phase, is
 * indistinguishable from uniform by RLWE (the argument in docs/security.md). Not thread-safe.
 */
public final class ReplySealer {
  private final PublicKey pk;
  private final FloodingBudget budget;
  private final AesPrg prg;
  private final boolean rerandomise;
  private final BfvEvaluator ev;
  /** The public key as a ciphertext, the term that {@link #sealSum} multiplies by {@code u}. */
  private final Ciphertext pkTerm;

  /** A sealer for replies under {@code pk}, flooding as {@code budget} says. */
  public ReplySealer(PublicKey pk, FloodingBudget budget, AesPrg prg) {
    this(pk, budget, prg, true);
  }

  /**
   * With {@code rerandomise = false}, the weakened reply of the engine before re-randomisation
   * (flooded {@code c0}, {@code c1 = sum a_g w_g}): only for the tests that attack it.
   */
  ReplySealer(PublicKey pk, FloodingBudget budget, AesPrg prg, boolean rerandomise) {
    if (pk.params != budget.params()) {
      throw new IllegalArgumentException("the public key and the flooding budget have different"
          + " parameters");
    }
    this.pk = pk;
    this.budget = budget;
    this.prg = prg;
    this.rerandomise = rerandomise;
    this.ev = new BfvEvaluator(pk.params);
    this.pkTerm = new Ciphertext(pk.b, pk.a, true);
  }

  /** The parameters of the sealed replies. */
  public BfvParameters replyParams() {
    return pk.params.firstPrimes(budget.replyPrimes());
  }

  /**
   * Seals {@code acc} (NTT form, consumed): re-randomise, subtract {@code mask} (values in {@code
   * [0, t)}), flood, switch down. Returns the whole reply over {@link #replyParams}: every
   * coefficient of {@code c0} flooded (the tests that study a full reply use it).
   */
  public Ciphertext seal(Ciphertext acc, long[] mask) {
    int n = pk.params.n();
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    SparseReply r = seal(acc, mask, all);
    return new Ciphertext(r.c0, r.c1, false);
  }

  /**
   * Seals {@code acc} (NTT form, consumed) for the coefficients at {@code positions} (ascending):
   * re-randomise the whole ciphertext, then extract {@code c0} there and only there subtract
   * {@code mask}, add {@code c0}'s fresh error, flood and switch down; {@code c1} is switched
   * whole. Nothing of {@code c0} outside the positions leaves the server, so only they need the
   * flood (docs/security.md).
   */
  public SparseReply seal(Ciphertext acc, long[] mask, int[] positions) {
    checkReply(mask, positions);
    rerandomiseToCoefficients(acc);
    return sealCoefficients(acc, mask, positions);
  }

  /**
   * {@link #seal(Ciphertext, long[], int[])} of the sum of {@code terms}, with the
   * re-randomisation's {@code u pk} summed as one more term of the products instead of in a pass
   * of its own: the same reply, bit for bit, from the same randomness.
   */
  public SparseReply sealSum(ProductTerms terms, long[] mask, int[] positions) {
    checkReply(mask, positions);
    Ciphertext acc;
    if (rerandomise) {
      int k = terms.cts().length;
      Ciphertext[] cts = Arrays.copyOf(terms.cts(), k + 1);
      NttPlaintext[] ws = Arrays.copyOf(terms.ws(), k + 1);
      cts[k] = pkTerm;
      ws[k] = new NttPlaintext(SecretKey.ternaryNtt(pk.params, prg));
      acc = ev.sumOfProducts(cts, ws);
    } else {
      acc = ev.sumOfProducts(terms.cts(), terms.ws());
    }
    ev.toCoefficients(acc);
    return sealCoefficients(acc, mask, positions);
  }

  private void checkReply(long[] mask, int[] positions) {
    if (!Positions.valid(positions, pk.params.n()) || mask.length != pk.params.n()) {
      throw new IllegalArgumentException("reply positions must ascend within [0, N) and the mask"
          + " have N coefficients");
    }
  }

  /** The steps after the re-randomisation's {@code u} terms, on {@code acc} in coefficient form. */
  private SparseReply sealCoefficients(Ciphertext acc, long[] mask, int[] positions) {
    BfvParameters params = pk.params;
    long[] c0 = extract(acc.c0, positions);
    long[] c1 = acc.c1;
    int w = positions.length;
    if (rerandomise) {
      ev.addError(c0, w, prg);
      ev.addError(c1, prg);
    }
    long[] m = new long[w];
    for (int k = 0; k < w; k++) {
      m[k] = mask[positions[k]];
    }
    PlainEncoding.addScaled(params, c0, m, -1, w);
    ev.flood(c0, w, budget.floodBits(), prg);
    for (int k = params.primeCount(); k > budget.replyPrimes(); k--) {
      BfvEvaluator down = new BfvEvaluator(params.firstPrimes(k));
      c0 = down.dropLast(c0, w);
      c1 = down.dropLast(c1, params.n());
    }
    return new SparseReply(replyParams(), positions, c0, c1);
  }

  /** {@link #seal} without the switch: the flooded ciphertext over the full modulus. */
  Ciphertext sealFull(Ciphertext acc, long[] mask) {
    rerandomiseToCoefficients(acc);
    if (rerandomise) {
      ev.addError(acc.c0, prg);
      ev.addError(acc.c1, prg);
    }
    ev.subtractPlain(acc, mask);
    ev.flood(acc, budget.floodBits(), prg);
    return acc;
  }

  /** Adds the fresh public-key encryption of zero's {@code u} terms (NTT form), then leaves NTT form. */
  private void rerandomiseToCoefficients(Ciphertext acc) {
    if (!acc.isNtt()) {
      throw new IllegalStateException("ciphertext must be in NTT form");
    }
    if (rerandomise) {
      long[] u = SecretKey.ternaryNtt(pk.params, prg);
      ev.multiplyAccumulate(acc.c0, u, pk.b);
      ev.multiplyAccumulate(acc.c1, u, pk.a);
    }
    ev.toCoefficients(acc);
  }

  /** The coefficients of {@code c} (RNS, N per prime) at {@code positions}, prime by prime. */
  private long[] extract(long[] c, int[] positions) {
    int n = pk.params.n();
    int w = positions.length;
    long[] out = new long[pk.params.primeCount() * w];
    for (int i = 0; i < pk.params.primeCount(); i++) {
      for (int k = 0; k < w; k++) {
        out[i * w + k] = c[i * n + positions[k]];
      }
    }
    return out;
  }
}
