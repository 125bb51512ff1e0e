package io.deepreshape.spec;

/** Input image shape and number of classes. */
public record InputShape(int channels, int height, int width, int classes) {
  public InputShape {
    SpecLimits.requireRange(channels, 1, SpecLimits.MAX_INPUT_CHANNELS, "input.channels");
    SpecLimits.requireRange(height, 1, SpecLimits.MAX_SIDE, "input.height");
    SpecLimits.requireRange(width, 1, SpecLimits.MAX_SIDE, "input.width");
    SpecLimits.requireRange(classes, 2, SpecLimits.MAX_CLASSES, "input.classes");
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width + "/" + classes;
  }
}
