package io.deepreshape.pi.he;

/**
 * The statistical budget of one session's noise flooding (circuit privacy of the server's
 * weights, docs/security.md). Every reply coefficient carries, besides its message, a noise {@code
 * v} that depends on the server's weights and re-randomisation ({@code |v| <= B}); the server adds
 * a uniform integer from {@code [-2^f, 2^f)}, which puts that coefficient within statistical
 * distance {@code B / 2^(f+1)} of a distribution independent of {@code v}. Over a session of
 * {@code n} flooded coefficients the distances add up (a hybrid over the coefficients), so the
 * budget asks every coefficient for {@code lambda = 40 + ceil(log2 n)} bits: {@code log2 B +
 * lambda <= f}, and the whole session stays within {@code n 2^-(lambda+1) <= 2^-41}. {@code B} is
 * a worst-case bound ({@link NoiseFlooding#worstCaseBound} and {@link #rerandomisationBound}), so
 * no failure probability adds to it.
 *
 * <p>{@code f} is fixed by the parameters, not by the weights (a flooding width that followed the
 * weights' norms would show the client their logarithms): the largest width that keeps the reply
 * decryptable with {@link NoiseFlooding#MARGIN_BITS} bits to spare after it is switched down to
 * {@link #replyPrimes} primes.
 *
 * @param params the parameters the server computes in
 * @param coefficients the number of coefficients flooded in the session
 * @param lambda the statistical parameter each coefficient gets
 * @param floodBits {@code f}
 * @param replyPrimes the primes a reply keeps after modulus switching
 */
public record FloodingBudget(BfvParameters params, long coefficients, int lambda, int floodBits,
    int replyPrimes) {
  /** The statistical parameter of a whole session: its distance is at most {@code 2^-40}. */
  public static final int SESSION_LAMBDA = 40;

  /** Validates the budget. */
  public FloodingBudget {
    if (coefficients < 1 || lambda < SESSION_LAMBDA || replyPrimes < 1
        || replyPrimes > params.primeCount() || floodBits > 123) {
      throw new IllegalArgumentException("invalid flooding budget " + coefficients
          + " coefficients, lambda " + lambda + ", f " + floodBits + ", " + replyPrimes
          + " reply primes");
    }
    if (log2SessionDistance() > -SESSION_LAMBDA) {
      throw new IllegalArgumentException(String.format("a session of %d flooded coefficients at"
          + " lambda=%d has statistical distance 2^%.1f, above 2^-%d", coefficients, lambda,
          log2SessionDistance(), SESSION_LAMBDA));
    }
    if (floodBits < lambda + log2(rerandomisationBound(params)) + 1) {
      throw new IllegalArgumentException(String.format("N=%d, log q=%.1f, t=2^%d cannot flood a"
          + " session of %d coefficients: it needs more than 2^%d of noise, the reply holds 2^%d",
          params.n(), params.log2q(), params.plainBits(), coefficients,
          lambda + (int) Math.ceil(log2(rerandomisationBound(params))) + 1, floodBits));
    }
  }

  /** The budget of a session flooding {@code coefficients} coefficients under {@code params}. */
  public static FloodingBudget forSession(BfvParameters params, long coefficients) {
    if (coefficients < 1) {
      throw new IllegalArgumentException("a session floods at least one coefficient");
    }
    int lambda = SESSION_LAMBDA + (64 - Long.numberOfLeadingZeros(coefficients - 1));
    int reply = replyPrimes(params);
    return new FloodingBudget(params, coefficients, lambda, floodBits(params, reply), reply);
  }

  /** The parameters of the replies a server computing in {@code params} returns. */
  public static BfvParameters replyParams(BfvParameters params) {
    return params.firstPrimes(replyPrimes(params));
  }

  /**
   * The fewest primes whose modulus, below the margin, is at least twice the rounding noise of
   * the switch ({@code (N + 1) / 2} per dropped prime, at most): the other half holds the flood.
   */
  static int replyPrimes(BfvParameters params) {
    for (int k = 1; k < params.primeCount(); k++) {
      BfvParameters p = params.firstPrimes(k);
      if (p.noiseLimitBits() - NoiseFlooding.MARGIN_BITS >= log2(switchNoise(params, k)) + 1) {
        return k;
      }
    }
    return params.primeCount();
  }

  /**
   * The largest {@code f} with {@code (2^f + 2^(f - lambda)) / (q / q') + switch noise <= q' /
   * (2t) / 2^margin}, {@code q'} the reply's modulus.
   */
  static int floodBits(BfvParameters params, int replyPrimes) {
    BfvParameters reply = params.firstPrimes(replyPrimes);
    double room = Math.pow(2, reply.noiseLimitBits() - NoiseFlooding.MARGIN_BITS)
        - switchNoise(params, replyPrimes);
    double scale = params.log2q() - reply.log2q();
    return (int) Math.floor(log2(room) + scale - 0.01);
  }

  /** A bound on the rounding noise of switching {@code params} down to {@code k} primes. */
  static double switchNoise(BfvParameters params, int k) {
    return (params.primeCount() - k) * (params.n() + 1) / 2.0;
  }

  /**
   * A bound on the phase noise that re-randomisation adds to a reply, {@code u e + e0 + e1 s} with
   * ternary {@code u}, {@code s} and errors at most {@link Encryptor#ERROR_BOUND}: {@code (2N + 1)
   * 21}.
   */
  public static double rerandomisationBound(BfvParameters params) {
    return (2.0 * params.n() + 1) * Encryptor.ERROR_BOUND;
  }

  /**
   * Checks that a reply whose weights' noise is at most {@code weightNoise} gets its {@link
   * #lambda} bits; {@code what} names the layer in the error, which quotes only public figures
   * (it reaches the client).
   */
  public void check(double weightNoise, String what) {
    double total = weightNoise + rerandomisationBound(params);
    if (log2(total) + lambda > floodBits) {
      throw new IllegalArgumentException(String.format("%s: its weights are too large for the"
          + " session's noise flooding: their noise must stay below 2^%d for lambda=%d under N=%d,"
          + " log q=%.1f", what, floodBits - lambda, lambda, params.n(), params.log2q()));
    }
  }

  /** {@code log2} of the session's statistical distance bound, {@code n 2^-(lambda+1)}. */
  public double log2SessionDistance() {
    return log2(coefficients) - (lambda + 1);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
