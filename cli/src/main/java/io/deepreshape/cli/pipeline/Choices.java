package io.deepreshape.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the pipeline chose, and on what: the criticality order, and at each budget the design's
 * candidates with their validation accuracy and the one kept. Written to {@code choices.json}; nothing
 * in it may depend on the test split.
 */
record Choices(@JsonProperty("criticality_order") String criticalityOrder,
    @JsonProperty("criticality_source") String criticalitySource,
    @JsonProperty("validation_images") int validationImages,
    @JsonProperty("budgets") List<Choice> budgets) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  Choices {
    budgets = List.copyOf(budgets);
  }

  /** At {@code budget}: the candidates trained (seed {@code seed}) and the index of the most accurate on validation. */
  record Choice(@JsonProperty("budget") long budget, @JsonProperty("seed") long seed,
      @JsonProperty("candidates") List<Entry> candidates, @JsonProperty("chosen") int chosen) {
    Choice {
      candidates = List.copyOf(candidates);
    }

    Entry winner() {
      return candidates.get(chosen);
    }

    /** The most accurate on validation; a tie goes to the earlier (faster) candidate. */
    static Choice of(long budget, long seed, List<Entry> candidates) {
      int best = 0;
      for (int i = 1; i < candidates.size(); i++) {
        if (candidates.get(i).valTop1() > candidates.get(best).valTop1()) {
          best = i;
        }
      }
      return new Choice(budget, seed, candidates, best);
    }
  }

  /** One design candidate: its network, family member, stage plan, exact ReLUs, estimated latency and validation top-1. */
  record Entry(@JsonProperty("network") String network, @JsonProperty("member") String member,
      @JsonProperty("plan") String plan, @JsonProperty("relus") long relus,
      @JsonProperty("est_latency_s") double estLatencyS, @JsonProperty("val_top1") double valTop1,
      @JsonProperty("run") String run) {}

  void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(this)));
  }
}
