/**
 * Training and evaluation runs of a network spec on a dataset: the glue between the spec, the data
 * layer and the trainer. A run directory holds the spec, the data settings, the trainer's config,
 * metrics, checkpoints and final parameters, so every result traces back to what produced it.
 */
package io.deepreshape.train.run;
