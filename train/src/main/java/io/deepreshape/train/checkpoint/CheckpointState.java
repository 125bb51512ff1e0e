package io.deepreshape.train.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Position and bookkeeping of a checkpoint (the JSON header of {@code checkpoint.bin}). The random
 * state is fully determined by {@code seed} and {@code globalStep}: the trainer re-seeds the engine
 * from both before every step.
 *
 * @param completedEpochs epochs fully trained (the epoch in progress has this 0-based index)
 * @param batchInEpoch batches of the epoch in progress already trained (0 at an epoch end)
 * @param globalStep optimizer steps taken since the start of the run
 * @param stepsPerEpoch steps of a full epoch when the checkpoint was written
 * @param seed the run's seed
 * @param bestTop1 best test top-1 so far, null before the first evaluation
 * @param partialLossSum sum of per-batch loss times batch size in the epoch in progress
 * @param partialCorrect correct training predictions in the epoch in progress
 * @param partialSamples training images seen in the epoch in progress
 * @param partialSeconds training seconds spent in the epoch in progress
 * @param reason {@code epoch_end} or {@code stop}
 * @param partialSkipped bad steps skipped in the epoch in progress
 */
public record CheckpointState(
    @JsonProperty("completed_epochs") int completedEpochs,
    @JsonProperty("batch_in_epoch") int batchInEpoch,
    @JsonProperty("global_step") long globalStep,
    @JsonProperty("steps_per_epoch") int stepsPerEpoch,
    @JsonProperty("seed") long seed,
    @JsonProperty("best_top1") Double bestTop1,
    @JsonProperty("partial_loss_sum") double partialLossSum,
    @JsonProperty("partial_correct") long partialCorrect,
    @JsonProperty("partial_samples") long partialSamples,
    @JsonProperty("partial_seconds") double partialSeconds,
    @JsonProperty("reason") String reason,
    @JsonProperty("partial_skipped") int partialSkipped) {}
