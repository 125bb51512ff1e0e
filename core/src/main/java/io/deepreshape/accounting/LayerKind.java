package io.deepreshape.accounting;

/** Kinds of layer rows in an accounting. */
public enum LayerKind {
  CONV, BATCH_NORM, RELU, ADD, MAX_POOL, AVG_POOL, FC;

  public String label() {
    return switch (this) {
      case CONV -> "conv";
      case BATCH_NORM -> "bn";
      case RELU -> "relu";
      case ADD -> "add";
      case MAX_POOL -> "maxpool";
      case AVG_POOL -> "avgpool";
      case FC -> "fc";
    };
  }
}
