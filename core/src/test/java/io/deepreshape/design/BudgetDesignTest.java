package io.deepreshape.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetDesignTest {
  private static final NetworkSpec R18 = Presets.build("resnet18", Dataset.CIFAR100);

  private static DesignRequest request(long budget, long flopsMax) {
    Profile p = Profiles.load("he-gc");
    return new DesignRequest(R18, CriticalityOrder.defaultFor(4), budget, flopsMax, 0.5, 10, 2, DesignRequest.DEFAULT_MS,
        8, 8, Arrays.asList(StageOp.values()), p, Profiles.network(Profiles.DEFAULT_NETWORK));
  }

  @Test
  void fiftyThousandReLUsGivesRankedDistinctCandidatesWithinBudget() {
    DesignResult r = BudgetDesign.run(request(50_000, 0), R18);
    List<Candidate> c = r.candidates();
    assertThat(c).hasSizeGreaterThanOrEqualTo(5);
    assertThat(c).allMatch(x -> x.relus() <= 50_000 && x.relus() >= 25_000);
    assertThat(c.stream().map(x -> x.spec().withName("x")).distinct().count()).isEqualTo(c.size());
    for (int i = 1; i < c.size(); i++) {
      assertThat(c.get(i).latency().totalS()).isGreaterThanOrEqualTo(c.get(i - 1).latency().totalS());
    }
    // Exact re-accounting of the written spec gives the same numbers.
    for (Candidate x : c) {
      assertThat(Accounting.of(x.spec()).relus()).isEqualTo(x.relus());
      assertThat(LatencyModel.estimate(Accounting.of(x.spec()), request(1, 0).profile(), request(1, 0).network())
          .totalS()).isCloseTo(x.latency().totalS(), org.assertj.core.data.Offset.offset(1e-9));
    }
    // The most critical stage (S3) is never culled.
    assertThat(c).allMatch(x -> x.plan().ops().get(2) != StageOp.CULL);
  }

  @Test
  void baselineReachesTheBudgetWithCullingAndThinningAlone() {
    DesignResult r = BudgetDesign.run(request(50_000, 0), R18);
    assertThat(r.baseline()).isNotEmpty();
    Candidate b = r.baseline().get(0);
    assertThat(b.plan().ops()).allMatch(StageOp::cullOrThinOnly);
    // ResNet18 within 50K: S3 thinned (2 * 16,384) and S4 thinned (2 * 8,192), or S3 thinned alone, the rest culled.
    assertThat(b.relus()).isIn(32_768L, 32_768L + 16_384L);
    assertThat(b.flops()).isEqualTo(555_468_800L);
    assertThat(b.latency().totalS()).isGreaterThan(r.candidates().get(0).latency().totalS());
  }

  @Test
  void flopCeilingIsHonoured() {
    long ceiling = Accounting.of(Presets.build("hybrenet:8,6,5,3", Dataset.CIFAR100)).flops();
    DesignResult r = BudgetDesign.run(request(50_000, ceiling), null);
    assertThat(r.candidates()).isNotEmpty().allMatch(x -> x.flops() <= ceiling)
        .allMatch(x -> x.member().startsWith("hybrenet-m8-"));
    assertThat(r.baseline()).isEmpty();
  }

  @Test
  void anOperatorAStageCannotTakeIsLeftOutNotFatal() {
    // width 2: some stage of the family has 2 channels, too few for reuse:4; that plan part is skipped
    NetworkSpec small = Presets.build("basech:4", Dataset.SYNTHETIC);
    DesignRequest req = new DesignRequest(small, CriticalityOrder.defaultFor(4), 15_000, 0, 0.5, 200, 0, List.of(2),
        8, 8, Arrays.asList(StageOp.values()), Profiles.load("he-gc"), Profiles.network(Profiles.DEFAULT_NETWORK));
    DesignResult r = BudgetDesign.run(req, null);
    assertThat(r.candidates()).isNotEmpty().allSatisfy(c -> {
      // a materialised candidate is a valid spec, its ReLUs exact and within the budget
      assertThat(Accounting.of(c.spec()).relus()).isEqualTo(c.relus()).isLessThanOrEqualTo(15_000);
    });
  }
}
