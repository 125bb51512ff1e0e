package io.deepreshape.design;

import java.util.List;

/**
 * The ranked candidates (fastest first), how many networks were considered and how many met the
 * budget, and the baseline's ({@code baselineName}, null when none was asked for) fastest ways to
 * reach the budget with culling and thinning alone (empty when it cannot).
 */
public record DesignResult(List<Candidate> candidates, long considered, long withinBudget, String baselineName,
    List<Candidate> baseline) {
  public DesignResult {
    candidates = List.copyOf(candidates);
    baseline = List.copyOf(baseline);
  }
}
