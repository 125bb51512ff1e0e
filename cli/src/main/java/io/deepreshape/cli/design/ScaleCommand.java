package io.deepreshape.cli.design;

import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Table;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.OneNetworkOptions;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.scaling.ChannelScaling;
import io.deepreshape.scaling.ScalingMethod;
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

/** {@code scale}: a channel-scaling family (BaseCh, StageCh, heterogeneous; DEEPRESHAPE.md section 2). */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Channel scaling (DEEPRESHAPE.md section 2): basech scales the base width m, stagech sets every "
        + "factor to one value, hetero takes each factor vector as given.",
        "Prints each member's ReLUs, FLOPs, stage ReLU shares and estimated PI latency."})
public final class ScaleCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  OneNetworkOptions network;

  @Mixin
  ProfileOptions profileOptions;

  @Option(names = "--method", paramLabel = "METHOD", required = true,
      description = "basech (values are base widths m), stagech (values are the common factor f) or hetero "
          + "(values are factor vectors separated by ';', e.g. \"5,5,3;4,4,4\").")
  String method;

  @Option(names = "--values", paramLabel = "LIST", required = true,
      description = "Family values, e.g. 2,3,4,5,6 (repeatable for hetero: --values 5,5,3 --values 4,4,4).")
  List<String> values;

  @Option(names = "--force", description = "Replace files that --out already holds.")
  boolean force;

  @Option(names = "--out", paramLabel = "DIR", description = "Write every member's spec to DIR/<name>.json.")
  Path outDir;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the family (.png, .svg).")
  Path plot;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    NetworkSpec base = network.spec();
    ScalingMethod m = ScalingMethod.parse(method);
    List<NetworkSpec> family = ChannelScaling.family(base, m, parseValues(m, values));
    Profile profile = profileOptions.profile();
    NetworkSetting net = profileOptions.network();
    List<NetworkCost> costs = family.stream().map(Accounting::of).toList();
    List<LatencyEstimate> lat = costs.stream().map(c -> LatencyModel.estimate(c, profile, net)).toList();
    List<Path> written = new ArrayList<>();
    if (outDir != null) {
      written.addAll(DesignFormat.writeSpecs(outDir, family, force));
    }
    if (plot != null) {
      List<PlotNetwork> pts = new ArrayList<>();
      for (int i = 0; i < family.size(); i++) {
        pts.add(PlotNetwork.of(family.get(i).name().replace(base.name() + "-", ""), costs.get(i)));
      }
      DesignFormat.plot(plot, m.key() + " scaling of " + base.name(), pts);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(toJson(m, family, costs, lat, profile, net)));
    } else {
      out.print(text(base, m, family, costs, lat, profile, net));
      if (outDir != null) {
        out.println("wrote " + written.size() + " specs to " + outDir);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static List<int[]> parseValues(ScalingMethod m, List<String> raw) {
    List<int[]> out = new ArrayList<>();
    for (String r : raw) {
      if (m == ScalingMethod.HETEROGENEOUS) {
        for (String vec : r.split("[;:]")) {
          if (!vec.isBlank()) {
            out.add(ints(vec, r));
          }
        }
      } else {
        for (int v : ints(r, r)) {
          out.add(new int[] {v});
        }
      }
    }
    if (out.isEmpty()) {
      throw new UserException("--values lists no family member");
    }
    return out;
  }

  private static int[] ints(String list, String whole) {
    String[] parts = list.split(",");
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UserException("--values must be positive integers separated by ',' (and ';' between hetero "
            + "factor vectors), was '" + whole + "'");
      }
    }
    return v;
  }

  private static String text(NetworkSpec base, ScalingMethod m, List<NetworkSpec> family, List<NetworkCost> costs,
      List<LatencyEstimate> lat, Profile profile, NetworkSetting net) {
    StringBuilder sb = new StringBuilder();
    sb.append(m.key()).append(" scaling of ").append(base.name()).append(" (").append(base.input()).append(", ")
        .append(base.block().key()).append(" blocks); latency: ").append(profile.name()).append(", ")
        .append(net.name()).append("\n\n");
    List<String> h = new ArrayList<>(List.of("network", "m", "factors", "ReLUs", "FLOPs"));
    h.addAll(DesignFormat.shareHeaders(costs.get(0)));
    h.add("latency");
    Table t = new Table(1, h.toArray(String[]::new));
    for (int i = 0; i < family.size(); i++) {
      NetworkSpec s = family.get(i);
      List<Object> row = new ArrayList<>(List.of(s.name(), s.baseWidth(), DesignFormat.ints(ChannelScaling.integerFactors(s)),
          Format.count(costs.get(i).relus()), Format.si(costs.get(i).macs())));
      row.addAll(DesignFormat.shares(costs.get(i)));
      row.add(Format.seconds(lat.get(i).totalS()));
      t.row(row.toArray());
    }
    return sb.append(t.render()).toString();
  }

  private static ObjectNode toJson(ScalingMethod m, List<NetworkSpec> family, List<NetworkCost> costs,
      List<LatencyEstimate> lat, Profile profile, NetworkSetting net) {
    ObjectNode o = Json.object();
    o.put("method", m.key());
    o.put("profile", profile.name());
    o.put("network", net.name());
    ArrayNode members = o.putArray("members");
    for (int i = 0; i < family.size(); i++) {
      ObjectNode n = members.addObject();
      NetworkSpec s = family.get(i);
      n.put("name", s.name());
      n.put("m", s.baseWidth());
      ArrayNode f = n.putArray("factors");
      for (int v : ChannelScaling.integerFactors(s)) {
        f.add(v);
      }
      n.put("relus", costs.get(i).relus());
      n.put("flops", costs.get(i).macs());
      ArrayNode st = n.putArray("stage_relus");
      costs.get(i).stages().forEach(c -> st.addObject().put("name", c.name()).put("relus", c.relus()));
      n.put("latency", lat.get(i).totalS());
    }
    return o;
  }
}
