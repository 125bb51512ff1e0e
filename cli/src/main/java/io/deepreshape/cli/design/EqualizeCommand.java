package io.deepreshape.cli.design;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.OneNetworkOptions;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.common.Table;
import io.deepreshape.cli.plot.PlotNetwork;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.equalization.Equalization;
import io.deepreshape.equalization.EqualizationResult;
import io.deepreshape.spec.NetworkSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code equalize}: ReLU-equalization, DeepReShape Algorithm 1 (DEEPRESHAPE.md section 5). */
@Command(name = "equalize", mixinStandardHelpOptions = true,
    description = {"ReLU-equalization (DeepReShape Algorithm 1): the FLOP-minimal integer channel factors in "
        + "[1, f_max] whose stage ReLU counts follow the criticality order.",
        "Prints the factors and the stage ReLUs before and after, with their ratios to S1."})
public final class EqualizeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  OneNetworkOptions network;

  @Mixin
  CriticalityOptions criticality;

  @Option(names = "--f-max", paramLabel = "N", defaultValue = "8",
      description = "Largest channel factor (default: ${DEFAULT-VALUE}).")
  int fMax;

  @Option(names = "--force", description = "Replace files that --out already holds.")
  boolean force;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the equalized spec (.json, .yaml).")
  Path out;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the stage ReLUs before and after (.png, .svg).")
  Path plot;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (out != null) {
      OutputFolder.refuseReplacingFile(out, force, "--out");
    }
    NetworkSpec base = network.spec();
    PrintWriter out = spec.commandLine().getOut();
    CriticalityOrder order = criticality.resolve(base.depth(), spec.commandLine().getErr());
    EqualizationResult r = Equalization.equalize(base, order, fMax);
    if (this.out != null) {
      DesignFormat.writeSpecFile(this.out, r.equalized(), force);
    }
    if (plot != null) {
      DesignFormat.plot(plot, "Equalization of " + base.name(), List.of(
          PlotNetwork.of(base.name(), Accounting.of(base.withAllReluFull())),
          PlotNetwork.of(r.equalized().name(), Accounting.of(r.equalized()))));
    }
    out.print(json ? Json.write(toJson(r)) + "\n" : text(r));
    if (this.out != null && !json) {
      out.println("wrote " + this.out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String text(EqualizationResult r) {
    int[] f = r.factors();
    StringBuilder sb = new StringBuilder();
    sb.append("ReLU-equalization of ").append(r.base().name()).append(" (").append(r.base().input()).append(", ")
        .append(r.base().block().key()).append(" blocks)\n");
    sb.append("criticality order: ").append(r.order()).append(" (").append(r.order().source()).append("), f_max ")
        .append(r.fMax()).append('\n');
    sb.append("factors (").append(DesignFormat.factorNames(f.length)).append("): ").append(DesignFormat.ints(f))
        .append("   widths: ").append(DesignFormat.widths(r.equalized())).append('\n');
    sb.append("equalized spec: ").append(r.equalized().name()).append("\n\n");
    Table t = new Table("stage", "rank", "ReLUs before", "ratio", "ReLUs after", "ratio");
    double[] rb = EqualizationResult.ratios(r.relusBefore());
    double[] ra = EqualizationResult.ratios(r.relusAfter());
    for (int s = 1; s <= f.length + 1; s++) {
      t.row("S" + s, r.order().rank(s) + 1, Format.count(r.relusBefore()[s - 1]), DesignFormat.ratio(rb[s - 1]),
          Format.count(r.relusAfter()[s - 1]), DesignFormat.ratio(ra[s - 1]));
    }
    sb.append(t.render()).append('\n');
    long before = Accounting.of(r.base().withAllReluFull()).relus();
    long after = Accounting.of(r.equalized()).relus();
    sb.append("total ReLUs (with stem): ").append(Format.count(before)).append(" -> ").append(Format.count(after))
        .append("; FLOPs: ").append(Format.count(r.macsBefore())).append(" -> ").append(Format.count(r.macsAfter()))
        .append('\n');
    return sb.toString();
  }

  static ObjectNode toJson(EqualizationResult r) {
    ObjectNode o = Json.object();
    o.put("network", r.base().name());
    o.put("equalized", r.equalized().name());
    ArrayNode order = o.putArray("order");
    r.order().stages().forEach(order::add);
    o.put("order_source", r.order().source());
    o.put("f_max", r.fMax());
    ArrayNode factors = o.putArray("factors");
    for (int v : r.factors()) {
      factors.add(v);
    }
    ArrayNode widths = o.putArray("widths");
    r.equalized().stages().forEach(s -> widths.add(s.width()));
    ObjectNode stageRelus = o.putObject("stage_relus");
    DesignFormat.addAll(stageRelus.putArray("before"), r.relusBefore());
    DesignFormat.addAll(stageRelus.putArray("after"), r.relusAfter());
    ObjectNode ratios = o.putObject("ratios");
    addAll(ratios.putArray("before"), EqualizationResult.ratios(r.relusBefore()));
    addAll(ratios.putArray("after"), EqualizationResult.ratios(r.relusAfter()));
    ObjectNode flops = o.putObject("flops");
    flops.put("before", r.macsBefore());
    flops.put("after", r.macsAfter());
    ObjectNode relus = o.putObject("relus");
    relus.put("before", Accounting.of(r.base().withAllReluFull()).relus());
    relus.put("after", Accounting.of(r.equalized()).relus());
    return o;
  }

  private static void addAll(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(x);
    }
  }
}
