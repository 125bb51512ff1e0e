package io.deepreshape.pi.gc;

import java.util.Arrays;

/**
 * An immutable boolean circuit as flat arrays: gate {@code g} has a type ({@link #XOR} or {@link
 * #AND}), inputs {@code in0[g]}, {@code in1[g]} and writes wire {@code inputs + g}. Wires {@code
 * 0..garblerInputs-1} are the garbler's inputs, the next {@code evaluatorInputs} the evaluator's.
 * Gates are in topological order.
 *
 * <p>There are no NOT gates: an AND gate may read either input negated ({@link #negations}) and an
 * output may be the negation of its wire ({@link #outputNegated}), which is all a circuit needs,
 * XOR passing negations through ({@code NOT a XOR b = NOT (a XOR b)}; {@link CircuitBuilder} folds
 * them). Under free-XOR a negated wire has the active label of the wire itself, so the evaluator
 * does nothing for a negation, and the garbler adds {@code Delta} to the zero-label it reads.
 *
 * <p>A schedule groups the gates by AND depth so that a garbler can hash all AND gates of one level,
 * over many circuit instances, in one batch: level by level, first the level's AND gates, then its
 * XOR gates in topological order. AND gates are numbered ({@link #andOrdinal}) in schedule order,
 * so the tables of one level are contiguous.
 */
public final class Circuit {
  /** Free XOR gate. */
  public static final byte XOR = 0;
  /** AND gate (two ciphertexts with half-gates). */
  public static final byte AND = 1;

  private final int garblerInputs;
  private final int evaluatorInputs;
  private final byte[] type;
  private final int[] in0;
  private final int[] in1;
  private final byte[] negations;
  private final int[] outputs;
  private final byte[] outputNegations;
  private final int andGates;
  private final int[] order;
  private final int[] levelStart;
  private final int[] levelAndEnd;
  private final int[] andOrdinal;

  /** A circuit without negations: see the full constructor. */
  public Circuit(int garblerInputs, int evaluatorInputs, byte[] type, int[] in0, int[] in1,
      int[] outputs) {
    this(garblerInputs, evaluatorInputs, type, in0, in1, new byte[type.length], outputs,
        new byte[outputs.length]);
  }

  /**
   * Validates the arrays (copied) and computes the level schedule. {@code negations[g]} has bit 0
   * set when AND gate {@code g} reads {@code in0[g]} negated and bit 1 for {@code in1[g]} (zero for
   * XOR gates); {@code outputNegations[i]} is 1 when output {@code i} is the negation of its wire.
   */
  public Circuit(int garblerInputs, int evaluatorInputs, byte[] type, int[] in0, int[] in1,
      byte[] negations, int[] outputs, byte[] outputNegations) {
    if (garblerInputs < 0 || evaluatorInputs < 0) {
      throw new IllegalArgumentException("input counts must be >= 0");
    }
    if (type.length != in0.length || type.length != in1.length
        || type.length != negations.length) {
      throw new IllegalArgumentException("gate arrays differ in length");
    }
    if (outputs.length != outputNegations.length) {
      throw new IllegalArgumentException("output arrays differ in length");
    }
    this.garblerInputs = garblerInputs;
    this.evaluatorInputs = evaluatorInputs;
    this.type = type.clone();
    this.in0 = in0.clone();
    this.in1 = in1.clone();
    this.negations = negations.clone();
    this.outputs = outputs.clone();
    this.outputNegations = outputNegations.clone();
    validate();
    int[] depth = new int[wires()];
    int ands = 0;
    int maxDepth = 0;
    for (int g = 0; g < this.type.length; g++) {
      int d = Math.max(depth[this.in0[g]], depth[this.in1[g]]);
      if (this.type[g] == AND) {
        d++;
        ands++;
      }
      depth[inputs() + g] = d;
      maxDepth = Math.max(maxDepth, d);
    }
    this.andGates = ands;
    this.order = new int[this.type.length];
    this.levelStart = new int[maxDepth + 2];
    this.levelAndEnd = new int[maxDepth + 1];
    this.andOrdinal = new int[this.type.length];
    schedule(depth, maxDepth);
  }

  private void validate() {
    int n = inputs();
    for (int g = 0; g < type.length; g++) {
      int w = n + g;
      if (type[g] != XOR && type[g] != AND) {
        throw new IllegalArgumentException("gate " + g + " has unknown type " + type[g]);
      }
      if (in0[g] < 0 || in0[g] >= w || in1[g] < 0 || in1[g] >= w) {
        throw new IllegalArgumentException("gate " + g + " reads a wire not yet defined");
      }
      if (negations[g] < 0 || negations[g] > 3 || (type[g] == XOR && negations[g] != 0)) {
        throw new IllegalArgumentException("gate " + g + " has negations " + negations[g]
            + "; expected 0-3 on an AND gate, 0 on an XOR gate");
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      if (outputs[i] < 0 || outputs[i] >= wires()) {
        throw new IllegalArgumentException("output wire " + outputs[i] + " does not exist");
      }
      if (outputNegations[i] != 0 && outputNegations[i] != 1) {
        throw new IllegalArgumentException("output " + i + " has negation " + outputNegations[i]
            + "; expected 0 or 1");
      }
    }
  }

  private void schedule(int[] depth, int maxDepth) {
    int[] countAnd = new int[maxDepth + 1];
    int[] countOther = new int[maxDepth + 1];
    for (int g = 0; g < type.length; g++) {
      int d = depth[inputs() + g];
      if (type[g] == AND) {
        countAnd[d]++;
      } else {
        countOther[d]++;
      }
    }
    int[] nextAnd = new int[maxDepth + 1];
    int[] nextOther = new int[maxDepth + 1];
    int pos = 0;
    for (int d = 0; d <= maxDepth; d++) {
      levelStart[d] = pos;
      nextAnd[d] = pos;
      levelAndEnd[d] = pos + countAnd[d];
      nextOther[d] = levelAndEnd[d];
      pos += countAnd[d] + countOther[d];
    }
    levelStart[maxDepth + 1] = pos;
    for (int g = 0; g < type.length; g++) {
      int d = depth[inputs() + g];
      order[type[g] == AND ? nextAnd[d]++ : nextOther[d]++] = g;
    }
    Arrays.fill(andOrdinal, -1);
    int a = 0;
    for (int g : order) {
      if (type[g] == AND) {
        andOrdinal[g] = a++;
      }
    }
  }

  /** Number of garbler input wires (numbered first). */
  public int garblerInputs() {
    return garblerInputs;
  }

  /** Number of evaluator input wires (numbered after the garbler's). */
  public int evaluatorInputs() {
    return evaluatorInputs;
  }

  /** Number of input wires. */
  public int inputs() {
    return garblerInputs + evaluatorInputs;
  }

  /** Number of gates. */
  public int gates() {
    return type.length;
  }

  /** Number of wires: inputs plus one per gate. */
  public int wires() {
    return inputs() + type.length;
  }

  /** Number of AND gates: the garbling cost. */
  public int andGates() {
    return andGates;
  }

  /** Number of output wires. */
  public int outputCount() {
    return outputs.length;
  }

  /** Output wire {@code i}. */
  public int output(int i) {
    return outputs[i];
  }

  /** Type of gate {@code g}. */
  public byte type(int g) {
    return type[g];
  }

  /** First input wire of gate {@code g}. */
  public int in0(int g) {
    return in0[g];
  }

  /** Second input wire of gate {@code g}. */
  public int in1(int g) {
    return in1[g];
  }

  /** Which inputs AND gate {@code g} reads negated: bit 0 for {@code in0}, bit 1 for {@code in1}. */
  public int negations(int g) {
    return negations[g];
  }

  /** 1 when output {@code i} is the negation of its wire {@link #output}, else 0. */
  public int outputNegated(int i) {
    return outputNegations[i];
  }

  /** The wire gate {@code g} writes: {@code inputs() + g}. */
  public int out(int g) {
    return inputs() + g;
  }

  /** Number of AND-depth levels in the schedule (level 0 holds no AND gates). */
  public int levels() {
    return levelAndEnd.length;
  }

  /** Schedule position where level {@code d} starts. */
  public int levelStart(int d) {
    return levelStart[d];
  }

  /** Schedule position after the last AND gate of level {@code d}. */
  public int levelAndEnd(int d) {
    return levelAndEnd[d];
  }

  /** Schedule position after the last gate of level {@code d}. */
  public int levelEnd(int d) {
    return levelStart[d + 1];
  }

  /** Gate at schedule position {@code pos}. */
  public int scheduled(int pos) {
    return order[pos];
  }

  /** The ordinal of AND gate {@code g} in schedule order, or -1 if {@code g} is not an AND. */
  public int andOrdinal(int g) {
    return andOrdinal[g];
  }
}
