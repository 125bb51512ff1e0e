package io.deepreshape.train.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeepReDuce and reuse plans on hybrenet:8,2,2,2 at 32x32: stem 8,192, S1 32,768, S2 16,384, S3 8,192,
 * S4 4,096 ReLUs (69,632 in all); default order S3 > S2 > S4 > S1, so reductions go S1, S4, S2, S3.
 */
class PlannersTest {
  static final NetworkSpec NET = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC);
  static final CriticalityOrder ORDER = CriticalityOrder.defaultFor(4);

  @Test
  void theFixtureCountsAsDocumented() {
    assertThat(Accounting.of(NET).relus()).isEqualTo(69_632);
    assertThat(Accounting.stageRelus(NET)).containsExactly(32_768, 16_384, 8_192, 4_096);
  }

  @Test
  void deepReduceKeepsTheMostReluesUnderTheBudget() {
    // thinning all four stages (38,912) keeps more than culling S1 (36,864)
    DeepReducePlan p = DeepReducePlanner.plan(NET, ORDER, 40_000);
    assertThat(p.relus()).isEqualTo(38_912);
    assertThat(p.culled()).isEmpty();
    assertThat(p.thinned()).containsExactly(1, 4, 2, 3);
    assertThat(p.spec().reluMode(ReluAddress.of(1, 1, 1))).isEqualTo(ReluMode.IDENTITY);
    assertThat(p.spec().reluMode(ReluAddress.of(1, 1, 2))).isEqualTo(ReluMode.FULL);
    assertThat(Accounting.of(p.spec()).relus()).isEqualTo(p.relus());
  }

  @Test
  void deepReduceCullsTheLeastCriticalStagesFirst() {
    // Without the stem: cull S1, S4 then thin S2, S3 gives 20,480 > 20,000; culling S1, S4, S2 leaves
    // stem + S3 = 16,384. Culling the stem too: cull S1 and thin S4, S2 keeps 2,048 + 8,192 + 8,192 =
    // 18,432, the most under 20,000 (by hand over every plan: next are 16,384 and 14,336).
    DeepReducePlan p = DeepReducePlanner.plan(NET, ORDER, 20_000);
    assertThat(p.stemCulled()).isTrue();
    assertThat(p.culled()).containsExactly(1);
    assertThat(p.thinned()).containsExactly(4, 2);
    assertThat(p.relus()).isEqualTo(18_432);
    assertThat(p.label()).isEqualTo("cull stem; cull S1; thin S4, S2");
    assertThat(Accounting.of(p.spec()).relus()).isEqualTo(18_432);
    // a measured order changes which stages go first (least critical S4, S3, S2, S1): culling S4, S3
    // (57,344) and thinning S4, S3, S2 (55,296) both keep fewer than culling the stem and thinning S4
    // (69,632 - 8,192 - 2,048 = 59,392)
    DeepReducePlan q = DeepReducePlanner.plan(NET, new CriticalityOrder(List.of(1, 2, 3, 4), "test"), 60_000);
    assertThat(q.stemCulled()).isTrue();
    assertThat(q.culled()).isEmpty();
    assertThat(q.thinned()).containsExactly(4);
    assertThat(q.relus()).isEqualTo(59_392);
    // at 57,344 exactly, culling S4, S3 ties with culling the stem and S4 (two operators each): the plan
    // that keeps the stem wins
    DeepReducePlan r = DeepReducePlanner.plan(NET, new CriticalityOrder(List.of(1, 2, 3, 4), "test"), 57_344);
    assertThat(r.stemCulled()).isFalse();
    assertThat(r.culled()).containsExactly(4, 3);
    assertThat(r.relus()).isEqualTo(57_344);
  }

  @Test
  void deepReduceCullsTheStemWhenNothingElseFits() {
    DeepReducePlan p = DeepReducePlanner.plan(NET, ORDER, 8_000);
    assertThat(p.stemCulled()).isTrue();
    // the stem alone holds 8,192: cull it, cull S1, S4, S2 and thin S3 to 4,096
    assertThat(p.culled()).containsExactly(1, 4, 2);
    assertThat(p.thinned()).containsExactly(3);
    assertThat(p.relus()).isEqualTo(4_096);
    assertThat(p.label()).isEqualTo("cull stem; cull S1, S4, S2; thin S3");
    assertThatThrownBy(() -> DeepReducePlanner.plan(NET, ORDER, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves 0");
  }

  @Test
  void reuseTakesTheSmallestGroupSizeThenTheFewestStages() {
    ReusePlan two = ReusePlanner.plan(NET, ORDER, 40_000);
    assertThat(two.groupSize()).isEqualTo(2);
    assertThat(two.stages()).containsExactly(1, 4, 2, 3);
    assertThat(two.relus()).isEqualTo(38_912);
    ReusePlan four = ReusePlanner.plan(NET, ORDER, 30_000);
    assertThat(four.groupSize()).isEqualTo(4);
    assertThat(four.stages()).containsExactly(1, 4, 2);
    assertThat(four.relus()).isEqualTo(8_192 + 8_192 + 4_096 + 8_192 + 1_024);
    assertThat(four.spec().reluMode(ReluAddress.of(2, 2, 2))).isEqualTo(new ReluMode.Reuse(4));
    assertThat(four.label()).isEqualTo("reuse:4 on S1, S4, S2");
  }

  /** The network's nodes as an imported graph: no spec, so the planners work on the nodes alone. */
  static NetworkGraph withoutSpec(NetworkSpec spec) {
    return NetworkGraph.imported(spec.name(), spec.input(), spec.depth(), NetworkGraph.of(spec).nodes());
  }

  @Test
  void aGraphWithoutSpecIsPlannedAsItsSpec() {
    NetworkGraph g = withoutSpec(NET);
    for (long budget : new long[] {60_000, 40_000, 20_000, 8_000}) {
      DeepReducePlan bySpec = DeepReducePlanner.plan(NET, ORDER, budget);
      DeepReducePlan byGraph = DeepReducePlanner.plan(g, ORDER, budget);
      assertThat(byGraph.label()).isEqualTo(bySpec.label());
      assertThat(byGraph.relus()).isEqualTo(bySpec.relus());
      assertThat(modes(byGraph.graph())).isEqualTo(modes(NetworkGraph.of(bySpec.spec())));
    }
    for (long budget : new long[] {40_000, 30_000, 6_464}) {
      ReusePlan bySpec = ReusePlanner.plan(NET, ORDER, budget);
      ReusePlan byGraph = ReusePlanner.plan(g, ORDER, budget);
      assertThat(byGraph.label()).isEqualTo(bySpec.label());
      assertThat(modes(byGraph.graph())).isEqualTo(modes(NetworkGraph.of(bySpec.spec())));
    }
  }

  private static List<String> modes(NetworkGraph g) {
    return g.reluLayers().stream().map(l -> l.address() + " " + l.mode().text()).toList();
  }

  @Test
  void reuseFailsBelowOneSignPerPosition() {
    // one sign per layer and position: 1,024 + 4*1,024 + 4*256 + 4*64 + 4*16 = 6,464
    assertThatThrownBy(() -> ReusePlanner.plan(NET, ORDER, 6_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6464");
    assertThat(ReusePlanner.plan(NET, ORDER, 6_464).relus()).isEqualTo(6_464);
  }
}
