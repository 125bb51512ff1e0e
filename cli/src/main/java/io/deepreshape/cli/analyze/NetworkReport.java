package io.deepreshape.cli.analyze;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.accounting.StageCost;
import io.deepreshape.graph.EnginePlan;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.latency.Calibration;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network's accounting with its latency estimate, in total and per stage, the engine's plan of its
 * garbled circuits and HE ciphertexts, and the profile's measurement of this very network when it has one.
 */
public record NetworkReport(NetworkGraph graph, NetworkCost cost, LatencyEstimate latency, List<LatencyEstimate> stageLatency,
    Profile profile, NetworkSetting network, Optional<Calibration.Row> measured, EnginePlan engine) {

  public static NetworkReport of(NetworkSpec spec, Profile profile, NetworkSetting network) {
    return of(NetworkGraph.of(spec), profile, network);
  }

  /** The report of a graph (a spec's, or an imported model's: then no profile point can be its measurement). */
  public static NetworkReport of(NetworkGraph graph, Profile profile, NetworkSetting network) {
    NetworkCost cost = Accounting.of(graph);
    List<LatencyEstimate> perStage = new ArrayList<>();
    for (StageCost s : cost.stages()) {
      List<LayerCost> rows = cost.layers().stream().filter(l -> l.stage() == s.stage()).toList();
      perStage.add(LatencyModel.estimate(cost, rows, profile, network));
    }
    return new NetworkReport(graph, cost, LatencyModel.estimate(cost, profile, network), List.copyOf(perStage), profile,
        network, graph.spec().flatMap(s -> Calibration.forSpec(profile, s)), EnginePlan.of(cost.graph(), (int) profile.value("he_poly_degree")));
  }
}
