package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {
  @Test
  void runsAWholeInferenceOncePerJvm() {
    double first = WarmUp.run();
    assertThat(first).as("the first call runs the inference").isPositive();
    assertThat(WarmUp.run()).as("later calls return at once").isZero();
  }
}
