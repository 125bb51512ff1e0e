package io.deepreshape.cli.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trained network of a pipeline: what produced it ({@code method}: baseline, hybrenet, deepreduce,
 * snl, reuse), the ReLU budget it was made for (0 for none), its exact costs, estimated PI latency and
 * measured test accuracy; {@code spec} and {@code run} are paths relative to the pipeline's folder.
 */
public record TrainedNetwork(
    @JsonProperty("label") String label,
    @JsonProperty("method") String method,
    @JsonProperty("budget") long budget,
    @JsonProperty("relus") long relus,
    @JsonProperty("flops") long flops,
    @JsonProperty("params") long params,
    @JsonProperty("latency_s") double latencyS,
    @JsonProperty("top1") double top1,
    @JsonProperty("spec") String spec,
    @JsonProperty("run") String run) {}
