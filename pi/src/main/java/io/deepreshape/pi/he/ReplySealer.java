package io.deepreshape.pi.he;

import io.deepreshape.pi.prg.AesPrg;

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
  }

  /** The parameters of the sealed replies. */
  public BfvParameters replyParams() {
    return pk.params.firstPrimes(budget.replyPrimes());
  }

  /**
   * Seals {@code acc} (NTT form, consumed): re-randomise, subtract {@code mask} (values in {@code
   * [0, t)}), flood, switch down. Returns the reply over {@link #replyParams}.
   */
  public Ciphertext seal(Ciphertext acc, long[] mask) {
    Ciphertext ct = sealFull(acc, mask);
    for (int k = pk.params.primeCount(); k > budget.replyPrimes(); k--) {
      ct = new BfvEvaluator(pk.params.firstPrimes(k)).dropLastPrime(ct);
    }
    return ct;
  }

  /** {@link #seal} without the switch: the flooded ciphertext over the full modulus. */
  Ciphertext sealFull(Ciphertext acc, long[] mask) {
    if (!acc.isNtt()) {
      throw new IllegalStateException("ciphertext must be in NTT form");
    }
    if (rerandomise) {
      long[] u = SecretKey.ternaryNtt(pk.params, prg);
      ev.multiplyAccumulate(acc.c0, u, pk.b);
      ev.multiplyAccumulate(acc.c1, u, pk.a);
    }
    ev.toCoefficients(acc);
    if (rerandomise) {
      ev.addError(acc.c0, prg);
      ev.addError(acc.c1, prg);
    }
    ev.subtractPlain(acc, mask);
    ev.flood(acc, budget.floodBits(), prg);
    return acc;
  }
}
