package io.deepreshape.pi.quant;

import java.util.List;

/**
 * One step of the network program: the sum of some linear layers' outputs (scale {@code 2^{2s}})
 * and optionally a shortcut tensor scaled by {@code 2^s}, then the nonlinear layer {@code act}
 * that truncates back to {@code 2^s} and writes tensor {@code index + 1}. The last step has no
 * {@code act}: its sum is the logits. A pooling step has no linear layer: it max-pools tensor
 * {@code shortcut} (scale {@code 2^s}) into tensor {@code index + 1}.
 *
 * @param index position in the program
 * @param name row name for reports
 * @param linears the linear layers summed
 * @param shortcut tensor added as an identity shortcut (the pooled tensor for a pooling step), or
 *     -1
 * @param act the nonlinear layer, or null for the final step and pooling steps
 * @param pool the max-pool layer of a pooling step, or null
 */
public record Step(int index, String name, List<LinearOp> linears, int shortcut, ActLayer act,
    PoolLayer pool) {
  /** Validates sizes. */
  public Step {
    linears = List.copyOf(linears);
    if (pool != null) {
      if (!linears.isEmpty() || act != null || shortcut < 0) {
        throw new IllegalArgumentException("pooling step " + name + " reads one tensor only");
      }
    } else {
      check(name, linears, act);
    }
  }

  private static void check(String name, List<LinearOp> linears, ActLayer act) {
    if (linears.isEmpty()) {
      throw new IllegalArgumentException("step " + name + " has no linear layer");
    }
    int out = linears.get(0).outElements();
    for (LinearOp op : linears) {
      if (op.outElements() != out) {
        throw new IllegalArgumentException("step " + name + " sums outputs of different sizes");
      }
    }
    if (act != null && act.elements() != out) {
      throw new IllegalArgumentException("step " + name + ": " + act.elements()
          + " activation elements for " + out + " outputs");
    }
  }

  /** A step without pooling. */
  public Step(int index, String name, List<LinearOp> linears, int shortcut, ActLayer act) {
    this(index, name, linears, shortcut, act, null);
  }

  /** Elements of the step's sum (the pooled tensor's elements for a pooling step). */
  public int elements() {
    return pool != null ? pool.inElements() : linears.get(0).outElements();
  }

  /** Elements the step writes. */
  public int outElements() {
    return pool != null ? pool.outElements() : elements();
  }

  /** Whether the step ends in a garbled layer (ReLU, truncation or max-pool). */
  public boolean garbled() {
    return act != null || pool != null;
  }
}
