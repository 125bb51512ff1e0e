package io.deepreshape.pi.he;

/**
 * The terms of one output polynomial of a homomorphic linear layer: the sum over {@code k} of
 * {@code cts[k] * ws[k]}, all in NTT form ({@link HomConv#termsOf}, {@link HomFc#termsOf}).
 *
 * @param cts the client's ciphertexts
 * @param ws the server's plaintexts, one per ciphertext
 */
public record ProductTerms(Ciphertext[] cts, NttPlaintext[] ws) {
  /** Validates that there is a plaintext per ciphertext. */
  public ProductTerms {
    if (cts.length != ws.length) {
      throw new IllegalArgumentException("need as many plaintexts as ciphertexts, got "
          + ws.length + " and " + cts.length);
    }
  }
}
