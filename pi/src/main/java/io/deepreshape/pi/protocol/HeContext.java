package io.deepreshape.pi.protocol;

import io.deepreshape.pi.he.BfvParameters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's BFV parameters per plaintext bit count ({@link BfvParameters#session}: N = 8192,
 * three primes), built once (prime search and NTT tables).
 */
final class HeContext {
  private static final Map<Integer, BfvParameters> PARAMS = new ConcurrentHashMap<>();

  private HeContext() {}

  static BfvParameters params(int l) {
    return PARAMS.computeIfAbsent(l, BfvParameters::session);
  }
}
