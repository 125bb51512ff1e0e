package io.deepreshape.design;

import io.deepreshape.reduction.Reductions;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;

/**
 * A coarse-grained ReLU reduction applied to one whole stage (DEEPRESHAPE.md section 6.2-6.3), from
 * weakest to strongest. Thinning composes with reuse (reuse applies to the ReLU layers thinning keeps).
 */
public enum StageOp {
  FULL("full"),
  REUSE2("reuse:2"),
  THIN("thin"),
  REUSE4("reuse:4"),
  THIN_REUSE2("thin+reuse:2"),
  THIN_REUSE4("thin+reuse:4"),
  CULL("cull");

  private final String key;

  StageOp(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Applies this operator to stage {@code s} of {@code spec}. */
  public NetworkSpec apply(NetworkSpec spec, int s) {
    return switch (this) {
      case FULL -> spec;
      case REUSE2 -> Reductions.reuseStage(spec, s, 2);
      case THIN -> Reductions.thin(spec, s);
      case REUSE4 -> Reductions.reuseStage(spec, s, 4);
      case THIN_REUSE2 -> Reductions.reuseStage(Reductions.thin(spec, s), s, 2);
      case THIN_REUSE4 -> Reductions.reuseStage(Reductions.thin(spec, s), s, 4);
      case CULL -> Reductions.cull(spec, s);
    };
  }

  /** Whether the operator uses only culling and thinning (what a baseline is allowed). */
  public boolean cullOrThinOnly() {
    return this == FULL || this == THIN || this == CULL;
  }

  public static StageOp parse(String value) {
    for (StageOp op : values()) {
      if (op.key.equalsIgnoreCase(value)) {
        return op;
      }
    }
    throw new SpecException("stage operator must be one of full, reuse:2, thin, reuse:4, thin+reuse:2, thin+reuse:4, "
        + "cull, was '" + value + "'");
  }
}
