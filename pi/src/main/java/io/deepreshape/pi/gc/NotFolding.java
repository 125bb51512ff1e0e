package io.deepreshape.pi.gc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites a builder's gates without NOT gates. Each builder wire becomes a wire of the new circuit
 * and a negation bit: a NOT gate only flips the bit of its input's wire; an XOR gate XORs its
 * inputs' bits into its output's; an AND gate keeps its inputs' bits as its negations and has an
 * unnegated output. Gates that become identical are shared again; {@code x AND x}, {@code x AND NOT
 * x} and {@code x XOR x} (from negations of one wire) become the wire itself or a constant-zero
 * {@code x XOR x} gate. Not thread-safe; one use.
 */
final class NotFolding {
  private final int inputs;
  private final int[] wire;
  private final byte[] negated;
  private final byte[] type;
  private final int[] in0;
  private final int[] in1;
  private final byte[] negations;
  private final Map<Long, Integer> shared = new HashMap<>();
  private int gates;

  /** A folding of {@code builderGates} gates over {@code inputs} input wires. */
  NotFolding(int inputs, int builderGates) {
    this.inputs = inputs;
    wire = new int[inputs + builderGates];
    negated = new byte[inputs + builderGates];
    for (int i = 0; i < inputs; i++) {
      wire[i] = i;
    }
    type = new byte[builderGates];
    in0 = new int[builderGates];
    in1 = new int[builderGates];
    negations = new byte[builderGates];
  }

  /** Folds the builder's gates {@code 0 .. builderGates-1} (types XOR, AND or NOT). */
  NotFolding fold(byte[] builderType, int[] builderIn0, int[] builderIn1) {
    for (int g = 0; g < wire.length - inputs; g++) {
      int w = inputs + g;
      int x = builderIn0[g];
      if (builderType[g] == Circuit.XOR || builderType[g] == Circuit.AND) {
        int y = builderIn1[g];
        gate(w, builderType[g] == Circuit.AND, wire[x], negated[x], wire[y], negated[y]);
      } else {
        wire[w] = wire[x];
        negated[w] = (byte) (negated[x] ^ 1);
      }
    }
    return this;
  }

  private void gate(int w, boolean and, int a, int na, int b, int nb) {
    if (a == b) {
      if (and && na == nb) {
        wire[w] = a;
        negated[w] = (byte) na;
      } else {
        wire[w] = emit(Circuit.XOR, a, a, 0);
        negated[w] = (byte) (and ? 0 : na ^ nb);
      }
      return;
    }
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int nlo = a < b ? na : nb;
    int nhi = a < b ? nb : na;
    if (and) {
      wire[w] = emit(Circuit.AND, lo, hi, nlo | nhi << 1);
      negated[w] = 0;
    } else {
      wire[w] = emit(Circuit.XOR, lo, hi, 0);
      negated[w] = (byte) (na ^ nb);
    }
  }

  private int emit(byte t, int a, int b, int neg) {
    long key = ((long) t << 62) ^ ((long) neg << 60) ^ ((long) a << 30) ^ b;
    return shared.computeIfAbsent(key, k -> {
      type[gates] = t;
      in0[gates] = a;
      in1[gates] = b;
      negations[gates] = (byte) neg;
      return inputs + gates++;
    });
  }

  /** The folded circuit with the builder's wires {@code outputs} as outputs. */
  Circuit circuit(int garblerInputs, int evaluatorInputs, int[] outputs) {
    int[] out = new int[outputs.length];
    byte[] outNeg = new byte[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      out[i] = wire[outputs[i]];
      outNeg[i] = negated[outputs[i]];
    }
    return new Circuit(garblerInputs, evaluatorInputs, Arrays.copyOf(type, gates),
        Arrays.copyOf(in0, gates), Arrays.copyOf(in1, gates), Arrays.copyOf(negations, gates), out,
        outNeg);
  }
}
