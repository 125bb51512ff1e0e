package io.deepreshape.cli.design;

import io.deepreshape.cli.common.Table;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hybrenet}: the HybReNet family, DeepReShape Algorithm 2 step 1 (DEEPRESHAPE.md section 6.1). */
@Command(name = "hybrenet", mixinStandardHelpOptions = true,
    description = {"HybReNet family (DeepReShape Algorithm 2, criticality-aware widening): the base is "
        + "ReLU-equalized, then widened over m and alpha >= alpha* with the deeper factors at their equalized values.",
        "Members whose stage ReLUs no longer follow the criticality order are dropped; '*' marks the "
            + "(ReLUs, FLOPs) Pareto set."})
public final class HybReNetCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  BaseOptions baseOptions;

  @Mixin
  CriticalityOptions criticality;

  @Mixin
  ProfileOptions profileOptions;

  @Option(names = "--m", paramLabel = "LIST", split = ",", defaultValue = "16,32,64",
      description = "Base widths m (default: ${DEFAULT-VALUE}).")
  List<Integer> ms;

  @Mixin
  FactorOptions factors;

  @Option(names = "--force", description = "Replace files that --out already holds.")
  boolean force;

  @Option(names = "--out", paramLabel = "DIR", description = "Write every kept member's spec to DIR/<name>.json.")
  Path outDir;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the family (.png, .svg).")
  Path plot;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    NetworkSpec base = baseOptions.base();
    CriticalityOrder order = criticality.resolve(base.depth(), spec.commandLine().getErr());
    HybReNetFamily fam = HybReNetFamily.generate(base, order, factors.fMax(), ms, factors.alphaMax());
    Profile profile = profileOptions.profile();
    NetworkSetting net = profileOptions.network();
    List<Double> lat = new ArrayList<>();
    List<PlotNetwork> pts = new ArrayList<>();
    for (FamilyMember m : fam.members()) {
      NetworkCost c = Accounting.of(m.spec());
      lat.add(LatencyModel.estimate(c, profile, net).totalS());
      pts.add(PlotNetwork.of(m.spec().name().replace("hybrenet-", ""), c));
    }
    if (outDir != null) {
      DesignFormat.writeSpecs(outDir, fam.members().stream().map(m -> m.spec()).toList(), force);
    }
    if (plot != null && !pts.isEmpty()) {
      DesignFormat.plot(plot, "HybReNet family", pts);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Json.write(toJson(fam, lat)) + "\n" : text(fam, lat, profile, net));
    if (outDir != null && !json) {
      out.println("wrote " + fam.members().size() + " specs to " + outDir);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String text(HybReNetFamily fam, List<Double> lat, Profile profile, NetworkSetting net) {
    int[] eq = fam.equalization().factors();
    StringBuilder sb = new StringBuilder();
    sb.append("HybReNet family from ").append(fam.equalization().base().name()).append(" (")
        .append(fam.equalization().base().input()).append("), criticality ").append(fam.equalization().order())
        .append(" (").append(fam.equalization().order().source()).append(")\n");
    sb.append("equalized factors (").append(DesignFormat.factorNames(eq.length)).append("): ")
        .append(DesignFormat.ints(eq)).append("; alpha* = ").append(eq[0]).append("; latency: ").append(profile.name())
        .append(", ").append(net.name()).append("\n\n");
    Table t = new Table(1, "network", "m", "factors", "ReLUs", "FLOPs", "stage ReLUs S1..SD", "latency", "Pareto");
    for (int i = 0; i < fam.members().size(); i++) {
      FamilyMember m = fam.members().get(i);
      t.row(m.spec().name(), m.m(), DesignFormat.ints(m.factors()), Format.count(m.relus()), Format.si(m.macs()),
          stageList(m.stageRelus()), Format.seconds(lat.get(i)), m.pareto() ? "*" : "");
    }
    sb.append(t.render());
    sb.append(fam.members().size()).append(" members kept, ").append(fam.paretoSet().size()).append(" on the Pareto front");
    if (!fam.rejected().isEmpty()) {
      sb.append("; dropped (stage ReLUs out of criticality order): ")
          .append(String.join(", ", fam.rejected().stream().map(m -> m.spec().name()).toList()));
    }
    return sb.append('\n').toString();
  }

  private static String stageList(long[] r) {
    List<String> parts = new ArrayList<>();
    for (long v : r) {
      parts.add(Format.si(v));
    }
    return String.join(" ", parts);
  }

  private static ObjectNode toJson(HybReNetFamily fam, List<Double> lat) {
    ObjectNode o = Json.object();
    o.set("equalization", EqualizeCommand.toJson(fam.equalization()));
    ArrayNode members = o.putArray("members");
    for (int i = 0; i < fam.members().size(); i++) {
      members.add(member(fam.members().get(i)).put("latency", lat.get(i)));
    }
    ArrayNode rejected = o.putArray("rejected");
    fam.rejected().forEach(m -> rejected.add(member(m)));
    return o;
  }

  private static ObjectNode member(FamilyMember m) {
    ObjectNode n = Json.object();
    n.put("name", m.spec().name());
    n.put("m", m.m());
    ArrayNode f = n.putArray("factors");
    for (int v : m.factors()) {
      f.add(v);
    }
    n.put("relus", m.relus());
    n.put("flops", m.macs());
    DesignFormat.addAll(n.putArray("stage_relus"), m.stageRelus());
    n.put("order_kept", m.orderKept());
    n.put("pareto", m.pareto());
    return n;
  }
}
