package io.deepreshape.train.optimize;

import io.deepreshape.error.UserInputException;

/** The trained ReLU-optimization methods {@code optimize} offers. */
public enum Method {
  /** DeepReDuce culling then thinning of the least critical stages (Jha et al., ICML 2021). */
  DEEPREDUCE("deepreduce"),
  /** ReLU-reuse with the smallest group size that meets the budget (DEEPRESHAPE.md section 6.3). */
  REUSE("reuse"),
  /** Selective Network Linearization with per-channel masks (Cho et al., ICML 2022). */
  SNL("snl");

  private final String key;

  Method(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Method parse(String value) {
    for (Method m : values()) {
      if (m.key.equalsIgnoreCase(value == null ? "" : value.trim())) {
        return m;
      }
    }
    throw new UserInputException("method must be deepreduce, reuse or snl, was '" + value + "'");
  }
}
