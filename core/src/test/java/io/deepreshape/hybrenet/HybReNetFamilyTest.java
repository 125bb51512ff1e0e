package io.deepreshape.hybrenet;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybReNetFamilyTest {
  private static final NetworkSpec R18 = Presets.build("resnet18", Dataset.CIFAR100);

  @Test
  void defaultOrderFamilyKeepsEveryAlphaAboveAlphaStar() {
    HybReNetFamily fam = HybReNetFamily.generate(R18, CriticalityOrder.defaultFor(4), 8, List.of(16, 32), 7);
    assertThat(fam.members()).hasSize(6);
    assertThat(fam.rejected()).isEmpty();
    FamilyMember first = fam.members().get(0);
    assertThat(first.spec().name()).isEqualTo("hybrenet-m16-f5x5x3");
    // m = 16, widths 16, 80, 400, 1200: R_i = 4 * C_i * H_i * W_i.
    assertThat(first.stageRelus()).containsExactly(4L * 16 * 1024, 4L * 80 * 256, 4L * 400 * 64, 4L * 1200 * 16);
    assertThat(first.relus()).isEqualTo(16 * 1024 + 4L * 16 * 1024 + 4L * 80 * 256 + 4L * 400 * 64 + 4L * 1200 * 16);
    assertThat(fam.members()).extracting(m -> m.factors()[0]).containsExactly(5, 6, 7, 5, 6, 7);
    assertThat(fam.members()).allMatch(m -> m.factors()[1] == 5 && m.factors()[2] == 3);
    // The smallest member has the fewest ReLUs and FLOPs, so it is on the front.
    assertThat(fam.members().get(0).pareto()).isTrue();
  }

  @Test
  void membersThatBreakTheOrderAreRejected() {
    // Order S1 > S4 > S3 > S2 equalizes to (1, 5, 5); R4 / R1 = alpha * 25 / 64, so alpha 1, 2 keep
    // S1 > S4 and alpha 3, 4 break it.
    CriticalityOrder order = new CriticalityOrder(List.of(1, 4, 3, 2), "t");
    HybReNetFamily fam = HybReNetFamily.generate(R18, order, 8, List.of(16), 4);
    assertThat(fam.equalization().factors()).containsExactly(1, 5, 5);
    assertThat(fam.members()).extracting(m -> m.factors()[0]).containsExactly(1, 2);
    assertThat(fam.rejected()).extracting(m -> m.factors()[0]).containsExactly(3, 4);
  }

  @Test
  void paretoFront() {
    List<long[]> pts = List.of(new long[] {1, 9}, new long[] {2, 5}, new long[] {3, 6}, new long[] {5, 1},
        new long[] {5, 1}, new long[] {6, 2});
    boolean[] f = Pareto.front(pts, p -> p[0], p -> p[1]);
    // (3,6) is dominated by (2,5); (6,2) by (5,1); equal points (5,1) both stay.
    assertThat(f).containsExactly(true, true, false, true, true, false);
  }
}
