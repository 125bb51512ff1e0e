/**
 * Measurements of the training machinery rather than of a model: steps per second of a model on a
 * device through the trainer's own step ({@link io.deepreshape.train.probe.ThroughputProbe}) and the
 * process's native and heap memory.
 */
package io.deepreshape.train.probe;
