package io.deepreshape.pi.protocol;

import java.util.List;

/**
 * The client's result of one secure inference: the logits (ring elements as signed integers at
 * scale {@code 2^{2s}}, and as reals), the predicted class and the cost per step and in total.
 *
 * @param logits signed fixed-point logits
 * @param realLogits logits divided by {@code 2^{2s}}
 * @param predicted index of the largest logit
 * @param layers per-step costs, {@code setup} first
 * @param total the sum of the rows
 */
public record InferenceResult(long[] logits, double[] realLogits, int predicted,
    List<LayerStats> layers, LayerStats total) {}
