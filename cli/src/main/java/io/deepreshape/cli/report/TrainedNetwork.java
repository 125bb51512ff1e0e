package io.deepreshape.cli.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trained network of a pipeline: what produced it ({@code method}: baseline, hybrenet, deepreduce,
 * snl, reuse) from which input network ({@code input}: baseline, hybrenet or a family member), the ReLU
 * budget it was made for (0 for none), the seed, its exact costs, estimated and (when measured) engine
 * PI latency, the epochs it trained counted from random initialisation, and its top-1 on the validation
 * split (what the pipeline's choices saw) and on the test split (evaluated once, for the report);
 * {@code spec} and {@code run} are paths relative to the pipeline's folder.
 */
public record TrainedNetwork(
    @JsonProperty("label") String label,
    @JsonProperty("method") String method,
    @JsonProperty("input") String input,
    @JsonProperty("budget") long budget,
    @JsonProperty("seed") long seed,
    @JsonProperty("relus") long relus,
    @JsonProperty("flops") long flops,
    @JsonProperty("params") long params,
    @JsonProperty("latency_s") double latencyS,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("measured_latency_s") Double measuredLatencyS,
    @JsonProperty("epochs") int epochs,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("val_top1") Double valTop1,
    @JsonProperty("top1") double top1,
    @JsonProperty("spec") String spec,
    @JsonProperty("run") String run) {

  /** The latency the report plots and compares: the engine's when measured, else the model's estimate. */
  public double shownLatencyS() {
    return measuredLatencyS != null ? measuredLatencyS : latencyS;
  }
}
