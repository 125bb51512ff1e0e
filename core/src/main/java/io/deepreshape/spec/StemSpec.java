package io.deepreshape.spec;


import java.util.Objects;

/** The stem: its type and output channels. */
public record StemSpec(StemType type, int channels) {
  public StemSpec {
    Objects.requireNonNull(type, "stem.type");
    SpecLimits.requireRange(channels, 1, SpecLimits.MAX_WIDTH, "stem.channels");
  }
}
