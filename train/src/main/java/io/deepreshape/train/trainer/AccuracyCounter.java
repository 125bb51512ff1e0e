package io.deepreshape.train.trainer;

/**
 * Counts top-1 and top-5 hits from host-side logits. A sample is a top-k hit when fewer than k
 * classes have a strictly larger logit than its true class. Top-5 is defined only for K &gt;= 5.
 */
public final class AccuracyCounter {
  private long samples;
  private long top1;
  private long top5;
  private int classes = -1;

  /** Adds {@code rows} samples whose logits are row-major in {@code logits} ({@code rows x K}). */
  public void add(float[] logits, int[] labels, int rows) {
    if (rows == 0) {
      return;
    }
    int k = logits.length / rows;
    if (k * rows != logits.length) {
      throw new IllegalArgumentException(
          "logits length " + logits.length + " is not a multiple of " + rows + " rows");
    }
    if (classes >= 0 && classes != k) {
      throw new IllegalArgumentException("class count changed from " + classes + " to " + k);
    }
    classes = k;
    for (int i = 0; i < rows; i++) {
      int base = i * k;
      float truth = logits[base + labels[i]];
      int larger = 0;
      for (int c = 0; c < k; c++) {
        if (logits[base + c] > truth) {
          larger++;
        }
      }
      if (larger == 0) {
        top1++;
      }
      if (larger < 5) {
        top5++;
      }
    }
    samples += rows;
  }

  public long samples() {
    return samples;
  }

  /** Fraction of top-1 hits, NaN when empty. */
  public double top1() {
    return samples == 0 ? Double.NaN : (double) top1 / samples;
  }

  /** Fraction of top-5 hits, or null when there are fewer than 5 classes or no samples. */
  public Double top5() {
    return samples == 0 || classes < 5 ? null : (double) top5 / samples;
  }
}
