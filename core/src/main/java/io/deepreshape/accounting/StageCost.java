package io.deepreshape.accounting;

/** Costs summed over one stage ({@code stem}, {@code S1}..{@code SD}, {@code head}). */
public record StageCost(
    String name, int stage, long relus, long reuseMuxes, long macs, long params, long activations, long otherOps) {}
