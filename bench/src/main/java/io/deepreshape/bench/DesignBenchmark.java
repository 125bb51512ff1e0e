package io.deepreshape.bench;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.design.BudgetDesign;
import io.deepreshape.design.DesignRequest;
import io.deepreshape.design.DesignResult;
import io.deepreshape.design.StageOp;
import io.deepreshape.equalization.Equalization;
import io.deepreshape.equalization.EqualizationResult;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.StemType;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Core's counting and design: exact accounting of ResNet-18, equalization of five- and six-stage
 * networks at the default f_max, and a 50K-ReLU budget design from ResNet-18 (CIFAR-100).
 */
@State(Scope.Benchmark)
public class DesignBenchmark extends BenchmarkDefaults {
  private final NetworkSpec resnet18 = Presets.build("resnet18", Dataset.CIFAR100);
  private final InputShape tiny = new InputShape(3, 64, 64, 200);
  private final NetworkSpec d5 = Presets.fromFactors("d5", tiny, StemType.CIFAR, BlockType.BASIC, 16,
      new int[] {2, 2, 2, 2, 2}, new int[] {2, 2, 2, 2});
  private final NetworkSpec d6 = Presets.fromFactors("d6", tiny, StemType.CIFAR, BlockType.BOTTLENECK, 8,
      new int[] {1, 2, 2, 2, 2, 1}, new int[] {2, 2, 2, 2, 2});
  private final DesignRequest design = request();

  private DesignRequest request() {
    Profile p = Profiles.load("he-gc");
    return new DesignRequest(resnet18, CriticalityOrder.defaultFor(4), 50_000, 0, 0.5, 10, 2,
        DesignRequest.DEFAULT_MS, 8, 8, Arrays.asList(StageOp.values()), p, Profiles.network(Profiles.DEFAULT_NETWORK));
  }

  /** Networks accounted per second. */
  @Benchmark
  public NetworkCost accountResnet18() {
    return Accounting.of(resnet18);
  }

  /** Five-stage equalizations per second. */
  @Benchmark
  public EqualizationResult equalizeFiveStages() {
    return Equalization.equalize(d5, new CriticalityOrder(List.of(3, 2, 4, 5, 1), "bench"));
  }

  /** Six-stage equalizations per second. */
  @Benchmark
  public EqualizationResult equalizeSixStages() {
    return Equalization.equalize(d6, new CriticalityOrder(List.of(3, 4, 2, 5, 6, 1), "bench"));
  }

  /** 50K-ReLU designs per second. */
  @Benchmark
  public DesignResult design50kRelus() {
    return BudgetDesign.run(design, resnet18);
  }
}
