package io.deepreshape.cli.analyze;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.NetworkOptions;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import java.io.PrintWriter;
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
  ProfileOptions profileOptions;

  @Option(names = "--layers", description = "Also list every layer.")
  boolean layers;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<NetworkGraph> graphs = networks.graphs();
    Profile profile = profileOptions.profile();
    NetworkSetting net = profileOptions.network();
    List<NetworkReport> reports = graphs.stream().map(g -> NetworkReport.of(g, profile, net)).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<AnalyzeJson> rows = reports.stream().map(r -> AnalyzeJson.of(r, layers)).toList();
      out.println(Json.write(rows.size() == 1 ? rows.get(0) : new AnalyzeJson.Networks(rows)));
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
}
