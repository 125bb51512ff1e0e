package io.deepreshape.criticality;

import io.deepreshape.spec.SpecException;

/** Test accuracy (top-1 %) of the network in which only stage {@code stage} keeps its ReLUs. */
public record StageAccuracy(int stage, double accuracy) {
  public StageAccuracy {
    if (stage < 1) {
      throw new SpecException("criticality stages[].stage must be >= 1, was " + stage);
    }
    CriticalityScores.checkAccuracy("stages[S" + stage + "].accuracy", accuracy);
  }
}
