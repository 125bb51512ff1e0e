package io.deepreshape.spec;

import static io.deepreshape.spec.SpecException.require;

import java.util.Objects;

/** The stem: its type and output channels. */
public record StemSpec(StemType type, int channels) {
  public StemSpec {
    Objects.requireNonNull(type, "stem.type");
    require(channels >= 1, "stem.channels", ">= 1", channels);
  }
}
