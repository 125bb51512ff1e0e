package io.deepreshape.criticality;

import io.deepreshape.spec.SpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measured ReLU criticality of a network's stages (DEEPRESHAPE.md section 4, DeepReDuce's method):
 * the accuracy {@code A_k} with only stage k's ReLUs kept, the all-linear accuracy {@code A_lin}, the
 * score {@code C_k = A_k - A_lin} and the order by descending score (ties: lower stage first).
 * Accuracies are top-1 percentages in [0, 100]. {@code stages} lists S1..SD once each, in any order.
 */
public record CriticalityScores(String network, String dataset, double linearAccuracy, List<StageAccuracy> stages) {
  public CriticalityScores {
    network = network == null ? "" : network;
    dataset = dataset == null ? "" : dataset;
    checkAccuracy("linear_accuracy", linearAccuracy);
    if (stages == null || stages.isEmpty()) {
      throw new SpecException("criticality stages must list every stage's accuracy, was empty");
    }
    List<StageAccuracy> sorted = new ArrayList<>(stages);
    sorted.sort(Comparator.comparingInt(StageAccuracy::stage));
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).stage() != i + 1) {
        throw new SpecException("criticality stages must cover S1..S" + sorted.size() + " once each, got stages "
            + sorted.stream().map(StageAccuracy::stage).toList());
      }
    }
    stages = List.copyOf(sorted);
  }

  static void checkAccuracy(String path, double a) {
    if (!(a >= 0 && a <= 100)) {
      throw new SpecException("criticality " + path + " must be a top-1 percentage in [0, 100], was " + a);
    }
  }

  public int depth() {
    return stages.size();
  }

  /** {@code A_k} of stage k (from 1). */
  public double accuracy(int stage) {
    return stages.get(stage - 1).accuracy();
  }

  /** {@code C_k = A_k - A_lin}. */
  public double score(int stage) {
    return accuracy(stage) - linearAccuracy;
  }

  /** Stages by descending score; equal scores keep the lower stage first. */
  public CriticalityOrder order(String source) {
    List<Integer> order = new ArrayList<>();
    for (int s = 1; s <= depth(); s++) {
      order.add(s);
    }
    order.sort(Comparator.comparingDouble((Integer s) -> -score(s)).thenComparingInt(s -> s));
    return new CriticalityOrder(order, source);
  }
}
