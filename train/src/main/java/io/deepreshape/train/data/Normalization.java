package io.deepreshape.train.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-channel normalisation {@code (pixel/255 - mean[c]) / std[c]}, with the means and standard
 * deviations in units of the [0,1] pixel range. Known values for the built-in datasets, or
 * computed from any dataset.
 */
public record Normalization(float[] mean, float[] std) {
  /** Identity on the [0,1] range: pixel/255. */
  public static Normalization unit(int channels) {
    float[] m = new float[channels];
    float[] s = new float[channels];
    Arrays.fill(s, 1f);
    return new Normalization(m, s);
  }

  public Normalization {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("mean and std need one value per channel");
    }
    for (float v : std) {
      if (!(v > 0)) {
        throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  public int channels() {
    return mean.length;
  }

  /**
   * The published training-set statistics of a built-in dataset ({@code cifar10},
   * {@code cifar100}, {@code tinyimagenet}, {@code fashion-mnist}); empty for others (e.g.
   * {@code synthetic}, whose statistics depend on its seed: use {@link #compute}).
   */
  public static Optional<Normalization> defaults(String dataset) {
    switch (dataset.toLowerCase(Locale.ROOT)) {
      case "cifar10":
        return Optional.of(
            new Normalization(
                new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f}));
      case "cifar100":
        return Optional.of(
            new Normalization(
                new float[] {0.5071f, 0.4865f, 0.4409f}, new float[] {0.2673f, 0.2564f, 0.2762f}));
      case "tinyimagenet":
        return Optional.of(
            new Normalization(
                new float[] {0.4802f, 0.4481f, 0.3975f}, new float[] {0.2770f, 0.2691f, 0.2821f}));
      case "fashion-mnist":
        return Optional.of(new Normalization(new float[] {0.2860f}, new float[] {0.3530f}));
      default:
        return Optional.empty();
    }
  }

  /** Exact per-channel mean and (population) standard deviation of all pixels of {@code ds}. */
  public static Normalization compute(ImageDataset ds) {
    int c = ds.channels();
    int plane = ds.height() * ds.width();
    long[] sum = new long[c];
    long[] sumSq = new long[c];
    byte[] img = new byte[ds.imageBytes()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyImage(i, img, 0);
      for (int ch = 0; ch < c; ch++) {
        long s = 0;
        long q = 0;
        int base = ch * plane;
        for (int p = 0; p < plane; p++) {
          int v = img[base + p] & 0xff;
          s += v;
          q += v * v;
        }
        sum[ch] += s;
        sumSq[ch] += q;
      }
    }
    float[] mean = new float[c];
    float[] std = new float[c];
    double n = (double) ds.size() * plane;
    for (int ch = 0; ch < c; ch++) {
      double m = sum[ch] / n;
      double var = Math.max(0, sumSq[ch] / n - m * m);
      mean[ch] = (float) (m / 255.0);
      std[ch] = (float) Math.max(Math.sqrt(var) / 255.0, 1e-3);
    }
    return new Normalization(mean, std);
  }

  /**
   * Lookup table {@code [channel][byte]} of normalised values, so normalising a pixel is one
   * array read.
   */
  public float[][] table() {
    float[][] t = new float[mean.length][256];
    for (int c = 0; c < mean.length; c++) {
      for (int v = 0; v < 256; v++) {
        t[c][v] = (float) ((v / 255.0 - mean[c]) / std[c]);
      }
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Normalization[mean=%s, std=%s]", Arrays.toString(mean), Arrays.toString(std));
  }
}
