package io.deepreshape.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fill on hybrenet:8,2,2,2 at 32x32 (stem 8 channels of 32x32; stage layers 8x32x32, 16x16x16,
 * 32x8x8, 64x4x4; two BasicBlocks per stage), criticality S3 > S2 > S4 > S1, against hand arithmetic.
 */
class BudgetFillTest {
  static final NetworkSpec NET = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC);
  static final NetworkGraph G = NetworkGraph.of(NET);
  static final List<Integer> ORDER = List.of(3, 2, 4, 1);

  @Test
  void thinnedLayersGetBackChannelsOfTheMostCriticalStageFirst() {
    // thinning all four stages leaves 38,912 of 69,632; 40,000 - 38,912 = 1,088 = 17 channels of 8x8 in S3,
    // the most critical stage, in its first thinned layer s3.b1.r1 (32 channels of 64 ReLUs)
    NetworkGraph thinned = G;
    for (int s = 1; s <= 4; s++) {
      thinned = GraphReductions.thin(thinned, s);
    }
    assertThat(Accounting.of(thinned).relus()).isEqualTo(38_912);
    BudgetFill.Result r = BudgetFill.restoreChannels(G, thinned, ORDER, 40_000);
    BitSet first17 = new BitSet();
    first17.set(0, 17);
    assertThat(r.changes()).containsExactly(Map.entry(ReluAddress.of(3, 1, 1), new ReluMode.PartialChannels(first17)));
    assertThat(r.relus()).isEqualTo(40_000);
    assertThat(r.exact()).isTrue();
    assertThat(Accounting.of(r.graph()).relus()).isEqualTo(40_000);
  }

  @Test
  void aBudgetChannelsCannotReachGetsTheLargestCountUnderIt() {
    // culling S1 leaves 36,864; every removed layer is 8 channels of 32x32, so 40,000 takes 3 channels
    // (3,072): 39,936, and the 64 left over fit no channel of 1,024
    NetworkGraph culled = GraphReductions.cull(G, 1);
    BudgetFill.Result r = BudgetFill.restoreChannels(G, culled, ORDER, 40_000);
    assertThat(r.relus()).isEqualTo(39_936);
    assertThat(r.exact()).isFalse();
    assertThat(r.changes()).hasSize(1).containsKey(ReluAddress.of(1, 1, 1));
  }

  @Test
  void reuseLayersTakeSmallerGroupsWhereTheyFit() {
    // reuse:4 on S1, S4, S2 gives 29,696 (PlannersTest); 30,000 leaves 304. S2's layers (16 channels of
    // 16x16) step by 512 or more and S1's by 1,024; S4's (64 channels of 4x4: 16 groups = 256 ReLUs)
    // offer reuse:3 (22 groups, +96), reuse:2 (+256), full (+768). The most under 304 is 3 * 96 = 288:
    // the first three S4 layers in execution order take reuse:3
    NetworkGraph reused = G;
    for (int s : List.of(1, 4, 2)) {
      reused = GraphReductions.reuse(reused, GraphReductions.liveLayers(reused, s), 4);
    }
    assertThat(Accounting.of(reused).relus()).isEqualTo(29_696);
    BudgetFill.Result r = BudgetFill.smallerGroups(G, reused, ORDER, 30_000);
    assertThat(r.relus()).isEqualTo(29_984);
    assertThat(r.exact()).isFalse();
    assertThat(r.changes()).containsExactly(Map.entry(ReluAddress.of(4, 1, 1), new ReluMode.Reuse(3)),
        Map.entry(ReluAddress.of(4, 1, 2), new ReluMode.Reuse(3)), Map.entry(ReluAddress.of(4, 2, 1), new ReluMode.Reuse(3)));
    // 30,720 leaves 1,024: S4 could give it (768 + 256), but S2 is more critical and its first layer's
    // reuse:2 (8 groups of 16x16, +1,024) takes it all
    BudgetFill.Result more = BudgetFill.smallerGroups(G, reused, ORDER, 30_720);
    assertThat(more.exact()).isTrue();
    assertThat(more.changes()).containsExactly(Map.entry(ReluAddress.of(2, 1, 1), new ReluMode.Reuse(2)));
  }

  @Test
  void nothingToFillLeavesTheNetworkAsItIs() {
    BudgetFill.Result r = BudgetFill.restoreChannels(G, G, ORDER, 70_000);
    assertThat(r.changes()).isEmpty();
    assertThat(r.relus()).isEqualTo(69_632);
    assertThat(r.exact()).isFalse();
  }
}
