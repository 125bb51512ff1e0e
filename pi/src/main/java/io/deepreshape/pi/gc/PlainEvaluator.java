package io.deepreshape.pi.gc;

/**
 * Evaluates a {@link Circuit} on bits in the clear, bit-sliced: 64 instances per {@code long}
 * word, one pass over the gates. The reference the garbled evaluation is tested against.
 */
public final class PlainEvaluator {
  private PlainEvaluator() {}

  /**
   * Evaluates {@code batch} instances. {@code inputBits[w*batch + k]} is input wire {@code w} of
   * instance {@code k}; returns {@code out[o*batch + k]} for every output {@code o}.
   */
  public static byte[] evaluate(Circuit c, byte[] inputBits, int batch) {
    if (inputBits.length != c.inputs() * batch) {
      throw new IllegalArgumentException("expected " + c.inputs() * batch + " input bits, got "
          + inputBits.length);
    }
    int words = (batch + 63) >>> 6;
    long[] w = new long[c.wires() * words];
    for (int in = 0; in < c.inputs(); in++) {
      for (int k = 0; k < batch; k++) {
        w[in * words + (k >>> 6)] |= (long) (inputBits[in * batch + k] & 1) << (k & 63);
      }
    }
    int first = c.inputs();
    for (int g = 0; g < c.gates(); g++) {
      int o = (first + g) * words;
      int a = c.in0(g) * words;
      int b = c.in1(g) * words;
      switch (c.type(g)) {
        case Circuit.XOR -> {
          for (int i = 0; i < words; i++) {
            w[o + i] = w[a + i] ^ w[b + i];
          }
        }
        default -> {
          long na = -(c.negations(g) & 1);
          long nb = -(c.negations(g) >>> 1 & 1);
          for (int i = 0; i < words; i++) {
            w[o + i] = (w[a + i] ^ na) & (w[b + i] ^ nb);
          }
        }
      }
    }
    byte[] out = new byte[c.outputCount() * batch];
    for (int o = 0; o < c.outputCount(); o++) {
      int base = c.output(o) * words;
      for (int k = 0; k < batch; k++) {
        out[o * batch + k] = (byte) ((w[base + (k >>> 6)] >>> (k & 63) & 1) ^ c.outputNegated(o));
      }
    }
    return out;
  }
}
