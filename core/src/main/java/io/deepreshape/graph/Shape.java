package io.deepreshape.graph;

/** A tensor's channels, height and width (a vector of {@code n} features is {@code n x 1 x 1}). */
public record Shape(int channels, int height, int width) {
  public Shape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("invalid shape " + channels + "x" + height + "x" + width);
    }
  }

  public long elements() {
    return (long) channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
