package io.deepreshape.pi.gc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link Circuit} gate by gate with constant propagation ({@link #ZERO}, {@link #ONE}
 * never become wires: a gate with a constant input is simplified away) and structural hashing (a
 * gate identical to an earlier one reuses its wire). Declare all garbler inputs, then all evaluator
 * inputs, then gates. {@link #not} gives a wire handle like any other; {@link #build} folds every
 * NOT into the negations of the AND gates and outputs that read it, so the circuit has none.
 */
public final class CircuitBuilder {
  /** The constant 0 pseudo-wire. */
  public static final int ZERO = -1;
  /** The constant 1 pseudo-wire. */
  public static final int ONE = -2;
  /** A NOT gate while building; {@link #build} folds them all away. */
  private static final byte NOT = 2;

  private int garblerInputs;
  private int evaluatorInputs;
  private byte[] type = new byte[256];
  private int[] in0 = new int[256];
  private int[] in1 = new int[256];
  private int gates;
  private final Map<Long, Integer> seen = new HashMap<>();

  /** Declares {@code n} garbler input wires; must precede evaluator inputs and gates. */
  public int[] garblerInput(int n) {
    if (evaluatorInputs > 0 || gates > 0) {
      throw new IllegalStateException("garbler inputs must be declared first");
    }
    int[] w = range(garblerInputs, n);
    garblerInputs += n;
    return w;
  }

  /** Declares {@code n} evaluator input wires; must precede gates. */
  public int[] evaluatorInput(int n) {
    if (gates > 0) {
      throw new IllegalStateException("evaluator inputs must be declared before gates");
    }
    int[] w = range(garblerInputs + evaluatorInputs, n);
    evaluatorInputs += n;
    return w;
  }

  private static int[] range(int from, int n) {
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = from + i;
    }
    return w;
  }

  /** {@code a XOR b}. */
  public int xor(int a, int b) {
    if (a == ZERO) {
      return b;
    }
    if (b == ZERO) {
      return a;
    }
    if (a == ONE) {
      return not(b);
    }
    if (b == ONE) {
      return not(a);
    }
    if (a == b) {
      return ZERO;
    }
    return emit(Circuit.XOR, Math.min(a, b), Math.max(a, b));
  }

  /** {@code a AND b}. */
  public int and(int a, int b) {
    if (a == ZERO || b == ZERO) {
      return ZERO;
    }
    if (a == ONE) {
      return b;
    }
    if (b == ONE || a == b) {
      return a;
    }
    return emit(Circuit.AND, Math.min(a, b), Math.max(a, b));
  }

  /** {@code NOT a}. */
  public int not(int a) {
    if (a == ZERO) {
      return ONE;
    }
    if (a == ONE) {
      return ZERO;
    }
    return emit(NOT, a, 0);
  }

  /** Number of AND gates emitted so far. */
  public int andGates() {
    int n = 0;
    for (int g = 0; g < gates; g++) {
      n += type[g] == Circuit.AND ? 1 : 0;
    }
    return n;
  }

  private int emit(byte t, int a, int b) {
    long key = ((long) t << 60) ^ ((long) a << 30) ^ b;
    Integer known = seen.get(key);
    if (known != null) {
      return known;
    }
    if (gates == type.length) {
      type = Arrays.copyOf(type, 2 * gates);
      in0 = Arrays.copyOf(in0, 2 * gates);
      in1 = Arrays.copyOf(in1, 2 * gates);
    }
    type[gates] = t;
    in0[gates] = a;
    in1[gates] = b;
    int wire = garblerInputs + evaluatorInputs + gates++;
    seen.put(key, wire);
    return wire;
  }

  /**
   * The circuit with the given output wires, its NOT gates folded away; constant outputs become
   * {@code w XOR w} gates (negated for {@link #ONE}).
   */
  public Circuit build(int[] outputs) {
    if (garblerInputs + evaluatorInputs == 0) {
      throw new IllegalStateException("a circuit needs at least one input");
    }
    int[] out = outputs.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == ZERO || out[i] == ONE) {
        int zero = rawGate(Circuit.XOR, 0, 0);
        out[i] = out[i] == ZERO ? zero : rawGate(NOT, zero, 0);
      }
    }
    return new NotFolding(garblerInputs + evaluatorInputs, gates).fold(type, in0, in1)
        .circuit(garblerInputs, evaluatorInputs, out);
  }

  private int rawGate(byte t, int a, int b) {
    seen.remove(((long) t << 60) ^ ((long) a << 30) ^ b);
    return emit(t, a, b);
  }
}
