/**
 * A training run's directory and what the trainer keeps there: the file names ({@link
 * io.deepreshape.train.checkpoint.RunDirectory}), the recorded config, the metrics lines, the final
 * parameters, and the checkpoint (weights, optimizer state, epoch, random state) written atomically so
 * that an interrupted run resumes exactly.
 */
package io.deepreshape.train.checkpoint;
