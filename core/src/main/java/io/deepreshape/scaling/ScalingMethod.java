package io.deepreshape.scaling;

import io.deepreshape.spec.SpecException;

/** The three channel-scaling methods of DEEPRESHAPE.md section 2. */
public enum ScalingMethod {
  /** Scale the base width {@code m}; factors unchanged (uniform scaling). */
  BASECH("basech"),
  /** One common factor {@code f} for every stage ({@code alpha = beta = gamma}). */
  STAGECH("stagech"),
  /** Each factor on its own. */
  HETEROGENEOUS("hetero");

  private final String key;

  ScalingMethod(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static ScalingMethod parse(String value) {
    for (ScalingMethod m : values()) {
      if (m.key.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new SpecException("--method must be one of basech, stagech, hetero, was '" + value + "'");
  }
}
