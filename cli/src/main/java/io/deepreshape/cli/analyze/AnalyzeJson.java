package io.deepreshape.cli.analyze;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.StageCost;
import io.deepreshape.graph.EnginePlan;
import io.deepreshape.graph.GarbledCounts;
import io.deepreshape.latency.Calibration;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.pi.quant.QuantConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code analyze --json} prints for one network, as records Jackson serialises in declaration order
 * with snake_case keys. The engine's counts use the names {@code pi measure --json} uses (relus above,
 * truncations, and_gates, ots), with the garbled elements by kind and the HE ciphertexts of the engine's packing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record AnalyzeJson(String name, String input, long relus, long reuseMuxes, @JsonProperty("flops") long macs, long params, long activations,
    long truncations, long andGates, long ots, GarbledElements garbledElements, He he,
    double latency, double latencyOffline, double latencyOnline, String profile, String network,
    ModelError modelError, Breakdown latencyBreakdown, List<Stage> stages, List<Layer> layers) {

  /** Several networks: {@code {"networks": [...]}}. */
  record Networks(List<AnalyzeJson> networks) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record GarbledElements(long relu, long truncation, long maxpoolComparison, long maxpoolWindows) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record He(long inputCiphertexts, long outputCiphertexts, long polyProducts) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ModelError(double measuredOfflineS, double measuredOnlineS, double modelOfflineS, double modelOnlineS,
      double offlineError, double onlineError, String source) {
    static ModelError of(Calibration.Row m) {
      return new ModelError(m.point().offlineSeconds(), m.point().onlineSeconds(), m.estimate().offlineS(),
          m.estimate().onlineS(), m.offlineError(), m.onlineError(), m.point().source());
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Breakdown(double offlineLinearS, double offlineNonlinearS, double onlineLinearS, double onlineNonlinearS,
      double offlineBytesUp, double offlineBytesDown, double onlineBytesUp, double onlineBytesDown,
      double clientStorageBytes) {
    static Breakdown of(LatencyEstimate e) {
      return new Breakdown(e.offlineLinearS(), e.offlineNonlinearS(), e.onlineLinearS(), e.onlineNonlinearS(),
          e.offlineBytesUp(), e.offlineBytesDown(), e.onlineBytesUp(), e.onlineBytesDown(), e.clientStorageBytes());
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Stage(String name, long relus, long reuseMuxes, @JsonProperty("flops") long macs, long params, double latency) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Layer(String name, String kind, int stage, long relus, long reuseMuxes, @JsonProperty("flops") long macs, long params,
      long activations, String detail) {
    static Layer of(LayerCost l) {
      return new Layer(l.name(), l.kind().label(), l.stage(), l.relus(), l.reuseMuxes(), l.macs(), l.params(),
          l.activations(), l.detail());
    }
  }

  /** The report as JSON, with every layer when {@code layers} is set. */
  static AnalyzeJson of(NetworkReport r, boolean layers) {
    GarbledCounts g = r.engine().garbled();
    EnginePlan plan = r.engine();
    QuantConfig q = QuantConfig.DEFAULT;
    LatencyEstimate e = r.latency();
    return new AnalyzeJson(r.graph().name(), r.graph().input().toString(), r.cost().relus(), r.cost().reuseMuxes(),
        r.cost().macs(), r.cost().params(), r.cost().activations(),
        g.truncations(), g.andGates(q.l(), q.s()), g.ots(q.l()),
        new GarbledElements(g.reluElements(), g.truncations(), g.poolComparisons(), g.poolWindows()),
        new He(plan.inputPolys(), plan.outputPolys(), plan.products()),
        e.totalS(), e.offlineS(), e.onlineS(), r.profile().name(), r.network().name(),
        r.measured().map(ModelError::of).orElse(null), Breakdown.of(e), stages(r),
        layers ? r.cost().layers().stream().map(Layer::of).toList() : null);
  }

  private static List<Stage> stages(NetworkReport r) {
    List<Stage> out = new ArrayList<>();
    for (int i = 0; i < r.cost().stages().size(); i++) {
      StageCost s = r.cost().stages().get(i);
      out.add(new Stage(s.name(), s.relus(), s.reuseMuxes(), s.macs(), s.params(), r.stageLatency().get(i).totalS()));
    }
    return List.copyOf(out);
  }
}
