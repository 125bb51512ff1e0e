package io.deepreshape.cli.pipeline;

import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.design.BudgetDesign;
import io.deepreshape.design.Candidate;
import io.deepreshape.design.DesignRequest;
import io.deepreshape.design.DesignResult;
import io.deepreshape.design.StageOp;
import io.deepreshape.hybrenet.FamilyMember;
import io.deepreshape.hybrenet.HybReNetFamily;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The design step's proposals at one budget, across widths: the best plan of each family member, ranked
 * by estimated latency; the fastest candidate of each base width {@code m} first (so a narrow width cannot
 * take every place), then the next fastest, up to {@code k}. Accuracy decides among them later, on the
 * validation split.
 */
final class DesignCandidates {
  private static final int SEARCHED = 500;

  private DesignCandidates() {}

  static List<Candidate> propose(NetworkSpec baseline, CriticalityOrder order, long budget, PipelineConfig c,
      Profile profile, NetworkSetting network) {
    DesignRequest req = new DesignRequest(baseline, order, budget, 0, 0.5, SEARCHED, 1, c.hybrenetWidths(), c.fMax(),
        c.fMax(), Arrays.asList(StageOp.values()), profile, network);
    DesignResult r = BudgetDesign.run(req, null);
    Map<String, FamilyMember> members = HybReNetFamily.generate(baseline, order, c.fMax(), c.hybrenetWidths(), c.fMax())
        .members().stream().collect(Collectors.toMap(m -> m.spec().name(), Function.identity()));
    List<Candidate> firstOfWidth = new ArrayList<>();
    List<Candidate> rest = new ArrayList<>();
    Set<Integer> widths = new HashSet<>();
    for (Candidate cand : r.candidates()) {
      (widths.add(members.get(cand.member()).m()) ? firstOfWidth : rest).add(cand);
    }
    List<Candidate> out = new ArrayList<>(firstOfWidth);
    out.addAll(rest);
    return List.copyOf(out.subList(0, Math.min(c.topK(), out.size())));
  }

  /** The name a candidate trains under: its member, its rank and the budget. */
  static NetworkSpec spec(Candidate cand, int index, long budget) {
    return cand.spec().withName(cand.member() + "-b" + budget + "-c" + (index + 1));
  }
}
