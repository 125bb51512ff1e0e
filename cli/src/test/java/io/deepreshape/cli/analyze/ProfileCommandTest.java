package io.deepreshape.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import org.junit.jupiter.api.Test;

class ProfileCommandTest {
  @Test
  void showsEveryConstantWithItsSourceAndTheFitError() {
    CliRun r = CliRun.of("profile", "he-gc");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("he_offline_us_per_mac\\s+0\\.5\\s+fit to Delphi logs");
    // model 308.4 s vs measured 332 s: -7.1%
    assertThat(r.out()).containsPattern("resnet18/cifar100\\s+fitted\\s+332 s\\s+308 s\\s+-7\\.1%");
  }
}
