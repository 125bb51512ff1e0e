package io.deepreshape.train.optimize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.reduction.BudgetFill;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DeepReDuce and ReLU-reuse plans for an imported network: the planners on the graph's stages
 * ({@link DeepReducePlanner}, {@link ReusePlanner}), then {@link BudgetFill} up to the budget (channels
 * given back to the layers DeepReDuce removed, smaller groups on the layers reuse covers), so the result
 * lands on the budget exactly whenever the layers' granularity allows. The plan's graph has no spec: it
 * is persisted as the run's {@code graph.json}, the plan's {@code spec} left out.
 */
final class ImportedPlans {
  /** Layers named one by one in a plan's description; more are counted. */
  private static final int NAMED = 6;

  /** The reduced graph and its plan record. */
  record Planned(NetworkGraph graph, OptimizationPlan plan) {}

  private ImportedPlans() {}

  static Planned plan(Method method, NetworkGraph teacher, CriticalityOrder order, long budget, String teacherRun) {
    ObjectNode details = PlanFile.details();
    String coarse;
    BudgetFill.Result fill;
    if (method == Method.DEEPREDUCE) {
      DeepReducePlan p = DeepReducePlanner.plan(teacher, order, budget);
      details.put("culled", p.culled().toString());
      details.put("thinned", p.thinned().toString());
      details.put("stem_culled", p.stemCulled());
      details.put("coarse_relus", p.relus());
      coarse = "DeepReDuce " + p.label();
      fill = BudgetFill.restoreChannels(teacher, p.graph(), order.stages(), budget);
    } else if (method == Method.REUSE) {
      ReusePlan p = ReusePlanner.plan(teacher, order, budget);
      details.put("group_size", p.groupSize());
      details.put("stages", p.stages().toString());
      details.put("stem", p.stem());
      details.put("coarse_relus", p.relus());
      coarse = p.label();
      fill = BudgetFill.smallerGroups(teacher, p.graph(), order.stages(), budget);
    } else {
      throw new IllegalArgumentException("ImportedPlans plans deepreduce and reuse, not " + method.key());
    }
    ObjectNode changes = details.putObject("fill");
    fill.changes().forEach((a, m) -> changes.put(a.toString(), m.text()));
    details.put("exact", fill.exact());
    details.put("granularity", method == Method.DEEPREDUCE ? "channel" : "group size");
    NetworkGraph reduced = fill.graph().renamed(teacher.name() + "-" + method.key() + "-" + budget);
    String d = coarse + " (" + details.get("coarse_relus").asLong() + " ReLUs)" + describe(fill.changes()) + ": "
        + fill.relus() + " ReLUs, " + (fill.exact() ? "exactly the budget" : "the largest count <= budget that the "
        + (method == Method.DEEPREDUCE ? "removed layers' channels" : "reused layers' group sizes") + " allow");
    OptimizationPlan plan = new OptimizationPlan(method, teacherRun, budget, order.toString(), order.source(), d,
        null, fill.relus(), details);
    return new Planned(reduced, plan);
  }

  private static String describe(Map<ReluAddress, ReluMode> changes) {
    if (changes.isEmpty()) {
      return "";
    }
    List<String> named = new ArrayList<>();
    for (Map.Entry<ReluAddress, ReluMode> e : changes.entrySet()) {
      if (named.size() < NAMED) {
        named.add(e.getKey() + " " + e.getValue().text());
      }
    }
    String more = changes.size() > NAMED ? " and " + (changes.size() - NAMED) + " more layers" : "";
    return ", filled with " + String.join(", ", named) + more;
  }
}
