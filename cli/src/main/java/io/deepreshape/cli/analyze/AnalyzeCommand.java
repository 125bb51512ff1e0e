package io.deepreshape.cli.analyze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.StageCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.NetworkOptions;
import io.deepreshape.cli.common.OnnxOptions;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.graph.EnginePlan;
import io.deepreshape.graph.GarbledCounts;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.pi.quant.QuantConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code analyze}: exact ReLUs, FLOPs, parameters and estimated PI latency of one or more networks. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Count ReLUs, FLOPs (MACs) and parameters exactly and estimate PI latency.",
        "With several --preset/--spec the networks are compared side by side, with ratios to the first."})
public final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  NetworkOptions networks;

  @Mixin
  OnnxOptions onnx;

  @Mixin
  ProfileOptions profileOptions;

  @Option(names = "--layers", description = "Also list every layer.")
  boolean layers;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<NetworkGraph> graphs = new ArrayList<>();
    if (networks.given() || !onnx.given()) {
      networks.networks().forEach(s -> graphs.add(NetworkGraph.of(s)));
    }
    onnx.models().forEach(m -> graphs.add(m.graph()));
    Profile profile = profileOptions.profile();
    NetworkSetting net = profileOptions.network();
    List<NetworkReport> reports = graphs.stream().map(g -> NetworkReport.of(g, profile, net)).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      if (reports.size() == 1) {
        out.println(Json.write(toJson(reports.get(0))));
      } else {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("networks");
        reports.forEach(r -> list.add(toJson(r)));
        out.println(Json.write(root));
      }
    } else if (reports.size() == 1) {
      out.print(AnalyzeText.single(reports.get(0), layers));
    } else {
      out.print(AnalyzeText.compare(reports));
      if (layers) {
        reports.forEach(r -> out.print("\n" + r.graph().name() + "\n" + AnalyzeText.layerTable(r)));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The engine's plan under the names {@code pi bench --json} uses (relus above, truncations, and_gates,
   * ots), with the garbled elements by kind and the HE ciphertexts of Cheetah's packing.
   */
  private static void engine(ObjectNode o, EnginePlan plan) {
    GarbledCounts g = plan.garbled();
    QuantConfig q = QuantConfig.DEFAULT;
    o.put("truncations", g.truncations());
    o.put("and_gates", g.andGates(q.l(), q.s()));
    o.put("ots", g.ots(q.l()));
    ObjectNode ge = o.putObject("garbled_elements");
    ge.put("relu", g.reluElements());
    ge.put("truncation", g.truncations());
    ge.put("maxpool_comparison", g.poolComparisons());
    ge.put("maxpool_windows", g.poolWindows());
    ObjectNode he = o.putObject("he");
    he.put("input_ciphertexts", plan.inputPolys());
    he.put("output_ciphertexts", plan.outputPolys());
    he.put("poly_products", plan.products());
  }

  private ObjectNode toJson(NetworkReport r) {
    ObjectNode o = Json.object();
    o.put("name", r.graph().name());
    o.put("input", r.graph().input().toString());
    o.put("relus", r.cost().relus());
    o.put("reuse_muxes", r.cost().reuseMuxes());
    o.put("flops", r.cost().flops());
    o.put("params", r.cost().params());
    o.put("activations", r.cost().activations());
    engine(o, r.engine());
    LatencyEstimate e = r.latency();
    o.put("latency", e.totalS());
    o.put("latency_offline", e.offlineS());
    o.put("latency_online", e.onlineS());
    o.put("profile", r.profile().name());
    o.put("network", r.network().name());
    r.measured().ifPresent(m -> {
      ObjectNode me = o.putObject("model_error");
      me.put("measured_offline_s", m.point().offlineSeconds());
      me.put("measured_online_s", m.point().onlineSeconds());
      me.put("model_offline_s", m.estimate().offlineS());
      me.put("model_online_s", m.estimate().onlineS());
      me.put("offline_error", m.offlineError());
      me.put("online_error", m.onlineError());
      me.put("source", m.point().source());
    });
    ObjectNode breakdown = o.putObject("latency_breakdown");
    breakdown.put("offline_linear_s", e.offlineLinearS());
    breakdown.put("offline_nonlinear_s", e.offlineNonlinearS());
    breakdown.put("online_linear_s", e.onlineLinearS());
    breakdown.put("online_nonlinear_s", e.onlineNonlinearS());
    breakdown.put("offline_bytes_up", e.offlineBytesUp());
    breakdown.put("offline_bytes_down", e.offlineBytesDown());
    breakdown.put("online_bytes_up", e.onlineBytesUp());
    breakdown.put("online_bytes_down", e.onlineBytesDown());
    breakdown.put("client_storage_bytes", e.clientStorageBytes());
    ArrayNode stages = o.putArray("stages");
    for (int i = 0; i < r.cost().stages().size(); i++) {
      StageCost s = r.cost().stages().get(i);
      ObjectNode n = stages.addObject();
      n.put("name", s.name());
      n.put("relus", s.relus());
      n.put("reuse_muxes", s.reuseMuxes());
      n.put("flops", s.flops());
      n.put("params", s.params());
      n.put("latency", r.stageLatency().get(i).totalS());
    }
    if (layers) {
      ArrayNode ls = o.putArray("layers");
      for (LayerCost l : r.cost().layers()) {
        ObjectNode n = ls.addObject();
        n.put("name", l.name());
        n.put("kind", l.kind().label());
        n.put("stage", l.stage());
        n.put("relus", l.relus());
        n.put("reuse_muxes", l.reuseMuxes());
        n.put("flops", l.flops());
        n.put("params", l.params());
        n.put("activations", l.activations());
        n.put("detail", l.detail());
      }
    }
    return o;
  }
}
