package io.deepreshape.spec;

import static io.deepreshape.spec.SpecException.require;

/** Input image shape and number of classes. */
public record InputShape(int channels, int height, int width, int classes) {
  public InputShape {
    require(channels >= 1, "input.channels", ">= 1", channels);
    require(height >= 1, "input.height", ">= 1", height);
    require(width >= 1, "input.width", ">= 1", width);
    require(classes >= 2, "input.classes", ">= 2", classes);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width + "/" + classes;
  }
}
