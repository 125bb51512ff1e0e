package io.deepreshape.cli.design;

import io.deepreshape.cli.common.Table;
import io.deepreshape.cli.common.Format;
import io.deepreshape.design.Candidate;
import io.deepreshape.design.DesignRequest;
import io.deepreshape.design.DesignResult;
import java.util.List;

/** Text output of {@code design}. */
final class DesignText {
  private DesignText() {}

  static String render(DesignRequest req, DesignResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Design for a budget of ").append(Format.count(req.reluBudget())).append(" ReLUs on ")
        .append(req.base().input()).append(" (family base ").append(req.base().name()).append(", ")
        .append(req.base().block().key()).append(" blocks)");
    if (req.macsMax() > 0) {
      sb.append(", at most ").append(Format.si(req.macsMax())).append(" FLOPs");
    }
    sb.append('\n');
    sb.append("criticality ").append(req.order()).append(" (").append(req.order().source()).append("); family m in ")
        .append(req.ms()).append(", alpha up to ").append(req.alphaMax()).append("; latency: ")
        .append(req.profile().name()).append(", ").append(req.network().name()).append('\n');
    sb.append("considered ").append(Format.count(r.considered())).append(" networks, ")
        .append(Format.count(r.withinBudget())).append(" with ").append(Format.count(
            (long) Math.ceil(req.minFill() * req.reluBudget()))).append(" to ").append(Format.count(req.reluBudget()))
        .append(" ReLUs; fastest ").append(r.candidates().size())
        .append(req.perMember() > 0 ? " (at most " + req.perMember() + " per family member)" : "").append(":\n\n");
    if (r.candidates().isEmpty()) {
      sb.append("no candidate fits: raise --relus, lower --min-fill, or widen --m\n");
    } else {
      sb.append(table(r.candidates()));
    }
    return sb.append(baseline(r)).toString();
  }

  private static String baseline(DesignResult r) {
    StringBuilder sb = new StringBuilder();
    if (r.baselineName() != null && r.baseline().isEmpty()) {
      sb.append("\nbaseline ").append(r.baselineName()).append(" cannot reach the budget with culling and thinning "
          + "alone (keeping its most critical stage)\n");
    }
    if (!r.baseline().isEmpty()) {
      Candidate best = r.baseline().get(0);
      sb.append('\n').append("baseline ").append(best.member()).append(" with culling and thinning alone:\n\n")
          .append(table(r.baseline()));
      if (!r.candidates().isEmpty()) {
        double gap = best.latency().totalS() / r.candidates().get(0).latency().totalS();
        sb.append("\nlatency gap at this budget: ").append(Format.seconds(best.latency().totalS())).append(" (baseline) vs ")
            .append(Format.seconds(r.candidates().get(0).latency().totalS())).append(" (best candidate): ")
            .append(Format.ratio(gap)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String table(List<Candidate> list) {
    Table t = new Table(2, "name", "plan", "ReLUs", "FLOPs", "latency", "offline", "online");
    for (Candidate c : list) {
      t.row(c.spec().name(), c.plan().label(), Format.count(c.relus()), Format.si(c.macs()),
          Format.seconds(c.latency().totalS()), Format.seconds(c.latency().offlineS()),
          Format.seconds(c.latency().onlineS()));
    }
    return t.render();
  }
}
