package io.deepreshape.pi.gc;

/**
 * The evaluator of a {@link GarblingScheme}: three hashes per AND gate under three-halves, two
 * under half-gates, XOR free (and negations: the active label of a negated wire is the wire's), batched level by level over all instances like {@link
 * Garbler}. Not thread-safe.
 */
public final class GcEvaluator {
  private final GarblingScheme scheme;
  private final AndWalk ands;

  /** An evaluator of the engine's scheme. */
  public GcEvaluator() {
    this(GarblingScheme.ENGINE);
  }

  /** An evaluator of {@code scheme}. */
  public GcEvaluator(GarblingScheme scheme) {
    this.scheme = scheme;
    this.ands = scheme == GarblingScheme.HALF_GATES ? new HalfGatesEvaluation()
        : new ThreeHalvesEvaluation();
  }

  /** The scheme this evaluator evaluates. */
  public GarblingScheme scheme() {
    return scheme;
  }

  /**
   * Evaluates {@code batch} instances from the active labels of all input wires ({@code
   * inputLabels[(w*batch + k)*2]}, garbler's then evaluator's); returns the output labels, layout
   * {@code (o*batch + k)*2}.
   */
  public long[] evaluate(Circuit c, int batch, long[] tables, long[] inputLabels,
      long tweakBase) {
    if (inputLabels.length != c.inputs() * batch * 2) {
      throw new IllegalArgumentException("expected " + c.inputs() * batch * 2
          + " longs of input labels, got " + inputLabels.length);
    }
    checkTables(c, batch, tables);
    long[] labels = inputSpace(c, batch);
    System.arraycopy(inputLabels, 0, labels, 0, inputLabels.length);
    run(c, batch, labels, tables, tweakBase);
    long[] out = new long[c.outputCount() * batch * 2];
    for (int o = 0; o < c.outputCount(); o++) {
      System.arraycopy(labels, c.output(o) * batch * 2, out, o * batch * 2, batch * 2);
    }
    return out;
  }

  /**
   * Room for the active labels of all input wires of {@code batch} instances of {@code c}, at
   * {@code (w*batch + k)*2} as {@link #evaluate} takes them: this evaluator's own label space, which
   * {@link #outputColours} then evaluates without copying them. Valid until the next call on this
   * evaluator; only the input wires' part is to be written.
   */
  public long[] inputSpace(Circuit c, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    return ands.labelSpace(Math.multiplyExact(c.wires() * 2, batch));
  }

  /**
   * Evaluates {@code batch} instances whose input labels were written into {@link #inputSpace};
   * returns the colours (lowest bits) of the output labels, {@code colours[o*batch + k]}: the output
   * bits once XORed with the garbler's decoding bits.
   */
  public byte[] outputColours(Circuit c, int batch, long[] tables, long tweakBase) {
    checkTables(c, batch, tables);
    long[] labels = inputSpace(c, batch);
    run(c, batch, labels, tables, tweakBase);
    byte[] colours = new byte[c.outputCount() * batch];
    for (int o = 0; o < c.outputCount(); o++) {
      int base = c.output(o) * batch * 2;
      for (int k = 0; k < batch; k++) {
        colours[o * batch + k] = (byte) (labels[base + 2 * k] & 1);
      }
    }
    return colours;
  }

  private void checkTables(Circuit c, int batch, long[] tables) {
    int tableLongs = scheme.tableLongs((long) c.andGates() * batch);
    if (tables.length != tableLongs) {
      throw new IllegalArgumentException("expected " + tableLongs + " longs of " + scheme
          + " tables, got " + tables.length);
    }
  }

  private void run(Circuit c, int batch, long[] labels, long[] tables, long tweakBase) {
    for (int d = 0; d < c.levels(); d++) {
      ands.walk(c, batch, labels, tables, tweakBase, c.levelStart(d), c.levelAndEnd(d));
      freeGates(c, batch, labels, c.levelAndEnd(d), c.levelEnd(d));
    }
  }

  /** Output bits from output labels and the garbler's decoding bits. */
  public static byte[] decode(long[] outputLabels, byte[] decodeBits) {
    byte[] bits = new byte[decodeBits.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) ((outputLabels[2 * i] & 1) ^ decodeBits[i]);
    }
    return bits;
  }

  private static void freeGates(Circuit c, int batch, long[] labels, int from, int to) {
    for (int pos = from; pos < to; pos++) {
      int g = c.scheduled(pos);
      int o = (c.inputs() + g) * batch * 2;
      int a = c.in0(g) * batch * 2;
      int b = c.in1(g) * batch * 2;
      for (int i = 0; i < 2 * batch; i++) {
        labels[o + i] = labels[a + i] ^ labels[b + i];
      }
    }
  }
}
