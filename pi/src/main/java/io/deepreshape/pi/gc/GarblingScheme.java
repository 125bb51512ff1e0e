package io.deepreshape.pi.gc;

/**
 * How AND gates are garbled, and so how many bits the garbler sends per AND gate (XOR and NOT are
 * free in both).
 *
 * <p>Table layout for {@code n} AND gates (a batch's gates in the order {@code (ordinal*batch +
 * instance)}): half-gates sends four longs per gate ({@code T_G}, {@code T_E}); three-halves sends
 * three longs per gate (the half-size ciphertexts {@code G0, G1, G2}) and then the gates' five
 * control bits packed densely, gate {@code g}'s at bit positions {@code 5g .. 5g+4} of the
 * {@code ceil(5n/64)} longs that follow (bit {@code p} is bit {@code p % 64} of long {@code p /
 * 64}).
 */
public enum GarblingScheme {
  /** Zahur, Rosulek and Evans, Eurocrypt 2015: two 128-bit ciphertexts per AND gate. */
  HALF_GATES,
  /**
   * Rosulek and Roy, "Three Halves Make a Whole? Beating the Half-Gates Lower Bound for Garbled
   * Circuits", CRYPTO 2021: three 64-bit ciphertexts and five bits per AND gate.
   */
  THREE_HALVES;

  /** The scheme the engine's sessions garble with. */
  public static final GarblingScheme ENGINE = THREE_HALVES;

  /** Longs of garbled tables for {@code andGates} AND gates garbled together. */
  public int tableLongs(long andGates) {
    if (andGates < 0) {
      throw new IllegalArgumentException("AND gate count must be >= 0, got " + andGates);
    }
    long longs = this == HALF_GATES ? 4 * andGates : 3 * andGates + (5 * andGates + 63) / 64;
    return Math.toIntExact(longs);
  }

  /** Bytes of garbled tables for {@code andGates} AND gates garbled together. */
  public long tableBytes(long andGates) {
    return 8L * tableLongs(andGates);
  }
}
