package io.deepreshape.spec;

/**
 * One stage: {@code phi} building blocks of stage width {@code width} (for Bottleneck blocks the
 * inner width; the block outputs {@code 4 * width} channels).
 */
public record StageSpec(int phi, int width) {
  /** Validates with the stage's position in the path of the error message. */
  static StageSpec checked(int index, int phi, int width) {
    SpecException.require(phi >= 1, "stages[" + index + "].phi", ">= 1", phi);
    SpecException.require(width >= 1, "stages[" + index + "].width", ">= 1", width);
    return new StageSpec(phi, width);
  }

  public StageSpec {
    SpecException.require(phi >= 1, "stage.phi", ">= 1", phi);
    SpecException.require(width >= 1, "stage.width", ">= 1", width);
  }
}
