package io.deepreshape.train.trainer;

/**
 * Accuracy of a model on an evaluation set.
 *
 * @param samples number of images evaluated
 * @param top1 fraction of top-1 hits in [0, 1]
 * @param top5 fraction of top-5 hits, null when there are fewer than 5 classes
 * @param loss mean cross-entropy (no smoothing)
 */
public record EvalResult(long samples, double top1, Double top5, double loss) {}
