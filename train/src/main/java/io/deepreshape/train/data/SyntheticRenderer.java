package io.deepreshape.train.data;

import java.util.SplittableRandom;

/**
 * Draws the synthetic images. Each class has its own stripe orientation and frequency, stripe
 * colour and blob position; every image adds a random stripe phase, translation, brightness,
 * colour cast and pixel noise, so the classes are learnable but not separable by one pixel.
 * Uses {@link StrictMath} and {@link SplittableRandom} so the bytes are identical on every JVM.
 */
final class SyntheticRenderer {
  private final int size;
  private final double[] cosTheta;
  private final double[] sinTheta;
  private final double[] frequency;
  private final double[][] colour;
  private final double[] blobX;
  private final double[] blobY;

  SyntheticRenderer(int classes, int size, long seed) {
    this.size = size;
    cosTheta = new double[classes];
    sinTheta = new double[classes];
    frequency = new double[classes];
    colour = new double[classes][3];
    blobX = new double[classes];
    blobY = new double[classes];
    double hueOffset = new SplittableRandom(seed).nextDouble();
    for (int k = 0; k < classes; k++) {
      double theta = StrictMath.PI * k / classes;
      cosTheta[k] = StrictMath.cos(theta);
      sinTheta[k] = StrictMath.sin(theta);
      frequency[k] = 2.0 + (k * 7 % 5) * 0.75;
      double hue = (hueOffset + (double) k * 0.618033988749895) % 1.0;
      for (int c = 0; c < 3; c++) {
        colour[k][c] = 0.5 + 0.5 * StrictMath.cos(2 * StrictMath.PI * (hue + c / 3.0));
      }
      double angle = 2 * StrictMath.PI * ((double) k * 3 / classes + hueOffset);
      blobX[k] = size * (0.5 + 0.25 * StrictMath.cos(angle));
      blobY[k] = size * (0.5 + 0.25 * StrictMath.sin(angle));
    }
  }

  /** Renders one image of class {@code k} as CHW bytes at {@code offset}, drawing from {@code rng}. */
  void render(int k, SplittableRandom rng, byte[] dst, int offset) {
    double maxShift = size / 8.0;
    double tx = (rng.nextDouble() * 2 - 1) * maxShift;
    double ty = (rng.nextDouble() * 2 - 1) * maxShift;
    double phase = rng.nextDouble() * 2 * StrictMath.PI;
    double brightness = 0.75 + 0.5 * rng.nextDouble();
    double[] cast = new double[3];
    for (int c = 0; c < 3; c++) {
      cast[c] = (rng.nextDouble() * 2 - 1) * 0.1;
    }
    double w = 2 * StrictMath.PI * frequency[k] / size;
    double radius = size / 6.0;
    double inv2r2 = 1.0 / (2 * radius * radius);
    double bx = blobX[k] + tx;
    double by = blobY[k] + ty;
    int plane = size * size;
    double[] col = colour[k];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double stripe =
            0.5 + 0.5 * StrictMath.sin(w * ((x - tx) * cosTheta[k] + (y - ty) * sinTheta[k]) + phase);
        double dx = x - bx;
        double dy = y - by;
        double blob = StrictMath.exp(-(dx * dx + dy * dy) * inv2r2);
        int p = y * size + x;
        for (int c = 0; c < 3; c++) {
          double noise = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5) * 0.08;
          double v =
              brightness * (0.12 + 0.45 * stripe * col[c] + 0.4 * blob * (1 - col[c]))
                  + cast[c]
                  + noise;
          int b = (int) StrictMath.round(v * 255);
          dst[offset + c * plane + p] = (byte) Math.max(0, Math.min(255, b));
        }
      }
    }
  }
}
