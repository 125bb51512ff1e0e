package io.deepreshape.pi.gc;

/**
 * The garbled circuits of the protocol's nonlinear layers (PI-ENGINE.md section 2) over l-bit
 * two's-complement shares with s fractional bits. The server garbles and inputs its share {@code a}
 * and a fresh mask {@code u}; the client evaluates with its share {@code c}. Every circuit outputs
 * {@code l}-bit words {@code v = f(a + c) - u mod 2^l}; values are bits, least significant first.
 *
 * <p>Input wire layout (garbler first): {@code a} words, then {@code u} words; evaluator: {@code c}
 * words, each word {@code l} consecutive wires. AND-gate costs at {@code l = 37, s = 12}: ReLU 96,
 * identity 72.
 */
public final class ReluCircuits {
  private ReluCircuits() {}

  /**
   * ReLU with truncation and re-masking: {@code v = (relu(a + c) >> s) - u}. Costs {@code l - 1}
   * (adder) + {@code l - 1 - s} (select) + {@code l - 1} (re-masking) AND gates.
   */
  public static Circuit relu(int l, int s) {
    check(l, s);
    CircuitBuilder b = new CircuitBuilder();
    int[] a = b.garblerInput(l);
    int[] u = b.garblerInput(l);
    int[] c = b.evaluatorInput(l);
    int[] y = WordGadgets.add(b, a, c);
    int[] z = reluShift(b, y, s, b.not(y[l - 1]));
    return b.build(WordGadgets.sub(b, z, u));
  }

  /** Truncation and re-masking without ReLU: {@code v = ((a + c) >>arith s) - u}. */
  public static Circuit identity(int l, int s) {
    check(l, s);
    CircuitBuilder b = new CircuitBuilder();
    int[] a = b.garblerInput(l);
    int[] u = b.garblerInput(l);
    int[] c = b.evaluatorInput(l);
    int[] y = WordGadgets.add(b, a, c);
    return b.build(WordGadgets.sub(b, WordGadgets.shiftRightArith(y, s), u));
  }

  /**
   * ReLU reuse over a group of {@code r} elements: the sign of element 0 decides for the group.
   * {@code v_0 = (relu(y_0) >> s) - u_0} and, for {@code j > 0}, {@code v_j = (y_0 >= 0 ?
   * y_j >>arith s : 0) - u_j}, with {@code y_j = a_j + c_j}. Inputs: {@code a_0..a_{r-1}}, {@code
   * u_0..u_{r-1}} (garbler), {@code c_0..c_{r-1}} (evaluator); outputs {@code v_0..v_{r-1}}.
   */
  public static Circuit reuse(int l, int s, int r) {
    check(l, s);
    if (r < 1) {
      throw new IllegalArgumentException("reuse group size must be >= 1, got " + r);
    }
    CircuitBuilder b = new CircuitBuilder();
    int[][] a = words(b.garblerInput(r * l), r, l);
    int[][] u = words(b.garblerInput(r * l), r, l);
    int[][] c = words(b.evaluatorInput(r * l), r, l);
    int[][] y = new int[r][];
    for (int j = 0; j < r; j++) {
      y[j] = WordGadgets.add(b, a[j], c[j]);
    }
    int keep = b.not(y[0][l - 1]);
    int[] out = new int[r * l];
    for (int j = 0; j < r; j++) {
      int[] z = j == 0 ? reluShift(b, y[0], s, keep) : select(b, keep,
          WordGadgets.shiftRightArith(y[j], s));
      System.arraycopy(WordGadgets.sub(b, z, u[j]), 0, out, j * l, l);
    }
    return b.build(out);
  }

  /**
   * Max-pool over a window of {@code k} elements: {@code v = (max_j (a_j + c_j) [>>arith s]) -
   * u}. Inputs: {@code a_0..a_{k-1}}, {@code u} (garbler), {@code c_0..c_{k-1}} (evaluator); one
   * output word. Costs {@code k(l-1) + 2l(k-1) + l-1} AND gates.
   */
  public static Circuit maxPool(int l, int s, int k, boolean truncate) {
    check(l, s);
    if (k < 1) {
      throw new IllegalArgumentException("max-pool window must hold >= 1 element, got " + k);
    }
    CircuitBuilder b = new CircuitBuilder();
    int[][] a = words(b.garblerInput(k * l), k, l);
    int[] u = b.garblerInput(l);
    int[][] c = words(b.evaluatorInput(k * l), k, l);
    int[] m = WordGadgets.add(b, a[0], c[0]);
    for (int j = 1; j < k; j++) {
      m = WordGadgets.maxSigned(b, m, WordGadgets.add(b, a[j], c[j]));
    }
    int[] t = truncate ? WordGadgets.shiftRightArith(m, s) : m;
    return b.build(WordGadgets.sub(b, t, u));
  }

  /** {@code keep ? y >> s : 0} for a value whose sign bit is known to be 0 when kept. */
  private static int[] reluShift(CircuitBuilder b, int[] y, int s, int keep) {
    int l = y.length;
    int[] z = new int[l];
    for (int i = 0; i < l; i++) {
      z[i] = i < l - 1 - s ? b.and(y[s + i], keep) : CircuitBuilder.ZERO;
    }
    return z;
  }

  private static int[] select(CircuitBuilder b, int keep, int[] t) {
    int[] z = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      z[i] = b.and(t[i], keep);
    }
    return z;
  }

  private static int[][] words(int[] wires, int count, int l) {
    int[][] w = new int[count][l];
    for (int j = 0; j < count; j++) {
      System.arraycopy(wires, j * l, w[j], 0, l);
    }
    return w;
  }

  private static void check(int l, int s) {
    if (l < 2 || l > 63) {
      throw new IllegalArgumentException("ring bits l must be in [2, 63], got " + l);
    }
    if (s < 0 || s >= l - 1) {
      throw new IllegalArgumentException("shift s must be in [0, l-2], got " + s + " for l=" + l);
    }
  }
}
