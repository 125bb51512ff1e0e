package io.deepreshape.equalization;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.NetworkSpec;

/**
 * The outcome of ReLU-equalization (Algorithm 1): the chosen factors {@code f_1..f_{D-1}}, the
 * equalized spec, and the stage ReLUs (S1..SD, stem excluded) of the base and of the result.
 */
public record EqualizationResult(
    NetworkSpec base, NetworkSpec equalized, CriticalityOrder order, int fMax, int[] factors,
    long[] relusBefore, long[] relusAfter, long macsBefore, long macsAfter) {

  public EqualizationResult {
    factors = factors.clone();
    relusBefore = relusBefore.clone();
    relusAfter = relusAfter.clone();
  }

  @Override
  public int[] factors() {
    return factors.clone();
  }

  @Override
  public long[] relusBefore() {
    return relusBefore.clone();
  }

  @Override
  public long[] relusAfter() {
    return relusAfter.clone();
  }

  /** Stage ReLUs normalised to stage 1 ({@code R_i / R_1}). */
  public static double[] ratios(long[] stageRelus) {
    double[] r = new double[stageRelus.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = stageRelus[0] == 0 ? Double.NaN : (double) stageRelus[i] / stageRelus[0];
    }
    return r;
  }
}
