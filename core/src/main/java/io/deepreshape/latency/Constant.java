package io.deepreshape.latency;

/** A cost-model constant and where its value comes from. */
public record Constant(double value, String source) {}
