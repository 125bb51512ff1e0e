/**
 * The training loop on DJL: configuration, the model handle, losses (with an optional distillation
 * teacher), one training step, evaluation, per-epoch metrics, listeners and stop signals. Optimizers
 * and schedules live in {@code train.optim}, the run directory and checkpoints in {@code
 * train.checkpoint}, progress in {@code train.progress}, throughput and memory probes in {@code
 * train.probe}.
 */
package io.deepreshape.train.trainer;
