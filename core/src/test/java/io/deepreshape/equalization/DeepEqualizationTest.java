package io.deepreshape.equalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.StemType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deeper networks (D = 5, 6) equalize to an order-satisfying result at the default f_max (how fast:
 * {@code DesignBenchmark} in the bench module).
 */
class DeepEqualizationTest {

  @Test
  void fiveAndSixStagesSatisfyTheirOrders() {
    InputShape in = new InputShape(3, 64, 64, 200);
    NetworkSpec d5 = Presets.fromFactors("d5", in, StemType.CIFAR, BlockType.BASIC, 16, new int[] {2, 2, 2, 2, 2},
        new int[] {2, 2, 2, 2});
    NetworkSpec d6 = Presets.fromFactors("d6", in, StemType.CIFAR, BlockType.BOTTLENECK, 8,
        new int[] {1, 2, 2, 2, 2, 1}, new int[] {2, 2, 2, 2, 2});
    EqualizationResult r5 = Equalization.equalize(d5, new CriticalityOrder(List.of(3, 2, 4, 5, 1), "t"));
    EqualizationResult r6 = Equalization.equalize(d6, new CriticalityOrder(List.of(3, 4, 2, 5, 6, 1), "t"));
    assertThat(r5.order().isSatisfiedBy(r5.relusAfter())).isTrue();
    assertThat(r6.order().isSatisfiedBy(r6.relusAfter())).isTrue();
  }
}
