package io.deepreshape.equalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values of DEEPRESHAPE.md section 5. */
class EqualizationTest {
  private static final NetworkSpec RESNET18 = Presets.build("resnet18", Dataset.CIFAR100);

  @Test
  void resnet18WithThePublishedOrderEqualizesTo553() {
    EqualizationResult r = Equalization.equalize(RESNET18, CriticalityOrder.defaultFor(4));
    assertThat(r.factors()).containsExactly(5, 5, 3);
    // R_i = phi * 2 ReLU layers * C_i * H_i * W_i with C = 64, 320, 1600, 4800 at 32, 16, 8, 4:
    long s1 = 2L * 2 * 64 * 32 * 32;      // 262,144
    long s2 = 2L * 2 * 320 * 16 * 16;     // 327,680
    long s3 = 2L * 2 * 1600 * 8 * 8;      // 409,600
    long s4 = 2L * 2 * 4800 * 4 * 4;      // 307,200
    assertThat(r.relusAfter()).containsExactly(s1, s2, s3, s4);
    assertThat(EqualizationResult.ratios(r.relusAfter())).containsExactly(1.0, 1.25, 1.5625, 1.171875);
    assertThat(r.relusBefore()).containsExactly(262_144L, 131_072L, 65_536L, 32_768L);
    assertThat(r.equalized().stages()).extracting(s -> s.width()).containsExactly(64, 320, 1600, 4800);
    assertThat(r.equalized().stemChannels()).isEqualTo(64);
  }

  @Test
  void theHandDerivationAgrees() {
    // With phi = 2,2,2,2 and halving resolution: R2/R1 = a/4, R3/R2 = b/4, R4/R3 = g/4.
    // S3 > S2 needs b >= 5; S2 > S1 needs a >= 5; S4 < S3 needs g <= 3; S4 > S1 needs a*b*g > 64,
    // so with a = b = 5 (cheapest), g = 3. The search must agree for f_max 5..8.
    for (int fMax = 5; fMax <= 8; fMax++) {
      assertThat(Equalization.equalize(RESNET18, CriticalityOrder.defaultFor(4), fMax).factors())
          .containsExactly(5, 5, 3);
    }
  }

  @Test
  void infeasibleOrderWithinFMax2NamesThePair() {
    // R3/R2 = beta/4 <= 1/2 for beta <= 2, so S3 > S2 is the first pair that cannot hold.
    assertThatThrownBy(() -> Equalization.equalize(RESNET18, CriticalityOrder.defaultFor(4), 2))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("cannot order S3 > S2")
        .hasMessageContaining("[1, 2]");
  }

  @Test
  void infeasibleLaterPairIsNamedWithItsContext() {
    // S2 > S1 needs R2/R1 = a/4 > 1, i.e. a >= 5: impossible with f_max = 4, so the first pair is named.
    // S1 > S2 > S3 > S4 needs a, b, g <= 3 and the cheapest such vector is (1, 1, 1).
    CriticalityOrder order = new CriticalityOrder(List.of(2, 1, 3, 4), "test");
    assertThatThrownBy(() -> Equalization.equalize(RESNET18, order, 4))
        .hasMessageContaining("cannot order S2 > S1");
    CriticalityOrder order2 = new CriticalityOrder(List.of(1, 2, 3, 4), "test");
    assertThat(Equalization.equalize(RESNET18, order2, 4).factors()).containsExactly(1, 1, 1);
  }

  @Test
  void secondPairFailsWhileTheFirstHolds() {
    // S2 > S1 needs a >= 5 (R2/R1 = a/4). S3 > S2 needs b >= 5. With f_max = 5 both hold; then
    // S1 > S3 would need R3 = a*b/16 * R1 < R1, i.e. a*b < 16, impossible with a, b >= 5.
    CriticalityOrder order = new CriticalityOrder(List.of(3, 2, 1, 4), "test");
    assertThat(Equalization.equalize(RESNET18, order, 5).factors()).containsExactly(5, 5, 1);
    CriticalityOrder bad = new CriticalityOrder(List.of(2, 1, 3, 4), "test");
    assertThatThrownBy(() -> Equalization.equalize(RESNET18, new CriticalityOrder(List.of(2, 3, 1, 4), "t"), 5))
        .hasMessageContaining("cannot order S3 > S1 while keeping S2 > S3");
    assertThat(bad.toString()).isEqualTo("S2 > S1 > S3 > S4");
  }

  @Test
  void wrongDepthFails() {
    NetworkSpec wrn = Presets.build("wrn-16-4", Dataset.CIFAR100);
    assertThatThrownBy(() -> Equalization.equalize(wrn, CriticalityOrder.defaultFor(4)))
        .hasMessageContaining("3");
  }
}
