package io.deepreshape.latency;

/** A measured end-to-end run a profile is checked against. */
public record CalibrationPoint(String preset, String dataset, double offlineSeconds, double onlineSeconds,
    String source) {}
