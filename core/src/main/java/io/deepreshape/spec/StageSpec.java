package io.deepreshape.spec;

/**
 * One stage: {@code phi} building blocks of stage width {@code width} (for Bottleneck blocks the
 * inner width; the block outputs {@code 4 * width} channels).
 */
public record StageSpec(int phi, int width) {
  /** Validates with the stage's position in the path of the error message. */
  static StageSpec checked(int index, int phi, int width) {
    SpecLimits.requireRange(phi, 1, SpecLimits.MAX_BLOCKS, "stages[" + index + "].phi");
    SpecLimits.requireRange(width, 1, SpecLimits.MAX_WIDTH, "stages[" + index + "].width");
    return new StageSpec(phi, width);
  }

  public StageSpec {
    SpecLimits.requireRange(phi, 1, SpecLimits.MAX_BLOCKS, "stage.phi");
    SpecLimits.requireRange(width, 1, SpecLimits.MAX_WIDTH, "stage.width");
  }
}
