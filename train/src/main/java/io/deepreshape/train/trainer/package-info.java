/**
 * The training loop on DJL: configuration, the SGD optimizer and learning-rate schedule, losses
 * (with an optional distillation teacher), evaluation, the run directory with its checkpoints and
 * metrics, progress reporting, stop signals and throughput and memory probes.
 */
package io.deepreshape.train.trainer;
