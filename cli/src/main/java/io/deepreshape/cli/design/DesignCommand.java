package io.deepreshape.cli.design;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.cli.common.Table;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.design.BudgetDesign;
import io.deepreshape.design.Candidate;
import io.deepreshape.design.DesignRequest;
import io.deepreshape.design.DesignResult;
import io.deepreshape.design.StageOp;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code design}: networks at or under a ReLU budget, ranked by estimated PI latency (DeepReShape Algorithm 2). */
@Command(name = "design", mixinStandardHelpOptions = true,
    description = {"Design for a ReLU budget (DeepReShape Algorithm 2): HybReNet family members under culling, "
        + "thinning and ReLU-reuse of whole stages (the most critical stage is never culled), at or under the budget, "
        + "ranked by estimated PI latency.",
        "Candidates must use at least --min-fill of the budget, and at most --per-member come from one family member."})
public final class DesignCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  BaseOptions baseOptions;

  @Mixin
  CriticalityOptions criticality;

  @Mixin
  ProfileOptions profileOptions;

  @Option(names = "--relus", paramLabel = "N", required = true, description = "ReLU budget.")
  long relus;

  @Option(names = "--flops-max", paramLabel = "N", description = "FLOP (MAC) ceiling; members above it are skipped.")
  long macsMax;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Candidates to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--per-member", paramLabel = "N", defaultValue = "2",
      description = "At most N candidates per family member, 0 for no limit (default: ${DEFAULT-VALUE}).")
  int perMember;

  @Option(names = "--min-fill", paramLabel = "F", defaultValue = "0.5",
      description = "Least share of the budget a candidate uses (default: ${DEFAULT-VALUE}).")
  double minFill;

  @Option(names = "--m", paramLabel = "LIST", split = ",", defaultValue = "8,16,32,64",
      description = "Family base widths m (default: ${DEFAULT-VALUE}).")
  List<Integer> ms;

  @Mixin
  FactorOptions factors;

  @Option(names = "--baseline", paramLabel = "PRESET",
      description = "Also show what this network needs to reach the budget with culling and thinning alone.")
  String baseline;

  @Option(names = "--force", description = "Replace files that --out already holds.")
  boolean force;

  @Option(names = "--out", paramLabel = "DIR", description = "Write every candidate's spec to DIR/<name>.json.")
  Path outDir;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the candidates and baseline (.png, .svg).")
  Path plot;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    NetworkSpec base = baseOptions.base();
    CriticalityOrder order = criticality.resolve(base.depth(), spec.commandLine().getErr());
    NetworkSpec baselineSpec = baseline == null ? null : Presets.build(baseline, baseOptions.dataset());
    DesignRequest req = new DesignRequest(base, order, relus, macsMax, minFill, top, perMember, ms,
        factors.alphaMax(), factors.fMax(), Arrays.asList(StageOp.values()), profileOptions.profile(),
        profileOptions.network());
    DesignResult r = BudgetDesign.run(req, baselineSpec);
    List<String> files = new ArrayList<>();
    if (outDir != null) {
      List<NetworkSpec> specs = new ArrayList<>();
      r.candidates().forEach(c -> specs.add(c.spec()));
      r.baseline().forEach(c -> specs.add(c.spec()));
      DesignFormat.writeSpecs(outDir, specs, force).forEach(f -> files.add(f.toString()));
    }
    if (plot != null && !r.candidates().isEmpty()) {
      List<PlotNetwork> pts = new ArrayList<>();
      r.candidates().forEach(c -> pts.add(PlotNetwork.of(shortLabel(c), "candidates", c.cost())));
      r.baseline().forEach(c -> pts.add(PlotNetwork.of(shortLabel(c), "baseline " + c.member(), c.cost())));
      DesignFormat.plot(plot, "Design for " + Format.si(relus) + " ReLUs", pts);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Json.write(toJson(req, r)) + "\n" : DesignText.render(req, r));
    if (outDir != null && !json) {
      out.println("wrote " + files.size() + " specs to " + outDir);
    }
    out.flush();
    return r.candidates().isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** {@code "#1 m8 f5x5x3"} or {@code "base #1"}. */
  static String shortLabel(Candidate c) {
    String n = c.spec().name();
    String rank = n.replaceAll("^(design|baseline)-(\\d+)-.*$", "$2").replaceFirst("^0", "");
    return n.startsWith("baseline-") ? c.member() + " #" + rank : "#" + rank + " " + c.member().replace("hybrenet-", "")
        .replace("-", " ");
  }

  private static ObjectNode toJson(DesignRequest req, DesignResult r) {
    ObjectNode o = Json.object();
    o.put("relu_budget", req.reluBudget());
    o.put("flops_max", req.macsMax());
    o.put("min_fill", req.minFill());
    ArrayNode order = o.putArray("order");
    req.order().stages().forEach(order::add);
    o.put("order_source", req.order().source());
    o.put("profile", req.profile().name());
    o.put("network", req.network().name());
    o.put("considered", r.considered());
    o.put("within_budget", r.withinBudget());
    ArrayNode cands = o.putArray("candidates");
    r.candidates().forEach(c -> cands.add(candidate(c)));
    ArrayNode base = o.putArray("baseline");
    r.baseline().forEach(c -> base.add(candidate(c)));
    return o;
  }

  private static ObjectNode candidate(Candidate c) {
    ObjectNode n = Json.object();
    n.put("name", c.spec().name());
    n.put("member", c.member());
    n.put("plan", c.plan().label());
    n.put("relus", c.relus());
    n.put("reuse_muxes", c.cost().reuseMuxes());
    n.put("flops", c.macs());
    n.put("latency", c.latency().totalS());
    n.put("latency_offline", c.latency().offlineS());
    n.put("latency_online", c.latency().onlineS());
    return n;
  }
}
