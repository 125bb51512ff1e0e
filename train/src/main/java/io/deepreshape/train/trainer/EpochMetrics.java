package io.deepreshape.train.trainer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code metrics.jsonl}: the results of one finished epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss of the epoch (the distillation loss when distilling)
 * @param trainTop1 training top-1 accuracy (training-mode forward) in [0, 1]
 * @param testTop1 test top-1 in [0, 1], null without an evaluation set
 * @param testTop5 test top-5 in [0, 1], null with fewer than 5 classes or no evaluation set
 * @param testLoss mean test cross-entropy, null without an evaluation set
 * @param lr learning rate of the epoch's last step
 * @param imagesPerSecond training images per second of training time
 * @param seconds wall time of the epoch including evaluation
 * @param steps batches of the epoch (updates plus skipped steps)
 * @param skippedSteps bad steps of the epoch (loss not finite or above max_loss) that were
 *     skipped without an update
 * @param valTop1 validation top-1 in [0, 1] when the run evaluates on a validation split held out of
 *     the training set (the {@code test_*} fields are then null: the test set is evaluated once, at the end)
 * @param valLoss mean validation cross-entropy, with {@code valTop1}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EpochMetrics(
    @JsonProperty("epoch") int epoch,
    @JsonProperty("train_loss") double trainLoss,
    @JsonProperty("train_top1") double trainTop1,
    @JsonProperty("test_top1") Double testTop1,
    @JsonProperty("test_top5") Double testTop5,
    @JsonProperty("test_loss") Double testLoss,
    @JsonProperty("lr") double lr,
    @JsonProperty("images_per_s") double imagesPerSecond,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("steps") int steps,
    @JsonProperty("skipped_steps") int skippedSteps,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("val_top1") Double valTop1,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("val_loss") Double valLoss) {

  /** An epoch evaluated on the test set (or on nothing). */
  public EpochMetrics(int epoch, double trainLoss, double trainTop1, Double testTop1, Double testTop5, Double testLoss,
      double lr, double imagesPerSecond, double seconds, int steps, int skippedSteps) {
    this(epoch, trainLoss, trainTop1, testTop1, testTop5, testLoss, lr, imagesPerSecond, seconds, steps, skippedSteps,
        null, null);
  }

  /** The accuracy the run was evaluated on each epoch: validation when it has a validation split, else test. */
  public Double evalTop1() {
    return valTop1 != null ? valTop1 : testTop1;
  }
}
