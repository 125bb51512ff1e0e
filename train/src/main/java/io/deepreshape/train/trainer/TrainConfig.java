package io.deepreshape.train.trainer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deepreshape.error.UserInputException;
import io.deepreshape.train.optim.ScheduleKind;
import java.util.List;

/**
 * Immutable training hyper-parameters (DeepReShape spec section 8 defaults), serialised as JSON in
 * a run directory's {@code config.json}. The constructor validates every field and names the field
 * in its message.
 *
 * @param epochs number of epochs, at least 1
 * @param batchSize images per training batch the data source is expected to deliver
 * @param learningRate peak learning rate reached after warm-up
 * @param momentum SGD momentum in [0, 1)
 * @param weightDecay L2 weight decay added to every trainable parameter's gradient
 * @param nesterov whether to use Nesterov momentum (needs momentum > 0)
 * @param schedule cosine or step decay after warm-up
 * @param stepMilestones epochs (1-based boundaries) at which step decay multiplies the rate by gamma
 * @param stepGamma step-decay factor in (0, 1]
 * @param warmupEpochs epochs of linear warm-up from lr/warmupSteps to lr, less than epochs
 * @param labelSmoothing label smoothing in [0, 1)
 * @param seed seed for initialisation and per-step randomness
 * @param kdTemperature distillation temperature T &gt; 0
 * @param kdWeight weight w of the soft (distillation) loss in [0, 1]
 * @param maxStepsPerEpoch if positive, caps the batches per epoch (quick runs); 0 means all
 * @param maxLoss a training loss above this (or not finite) marks a bad step
 * @param maxBadSteps bad steps in a row that are skipped (no update, batch-norm statistics
 *     restored) before the run stops as diverged; 0 stops at the first one (and is what a
 *     config.json written before this field existed reads as)
 */
public record TrainConfig(
    @JsonProperty("epochs") int epochs,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("lr") double learningRate,
    @JsonProperty("momentum") double momentum,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("nesterov") boolean nesterov,
    @JsonProperty("schedule") ScheduleKind schedule,
    @JsonProperty("step_milestones") List<Integer> stepMilestones,
    @JsonProperty("step_gamma") double stepGamma,
    @JsonProperty("warmup_epochs") int warmupEpochs,
    @JsonProperty("label_smoothing") double labelSmoothing,
    @JsonProperty("seed") long seed,
    @JsonProperty("kd_temperature") double kdTemperature,
    @JsonProperty("kd_weight") double kdWeight,
    @JsonProperty("max_steps_per_epoch") int maxStepsPerEpoch,
    @JsonProperty("max_loss") double maxLoss,
    @JsonProperty("max_bad_steps") int maxBadSteps) {

  /** Validates all fields; milestones default to an empty list. */
  public TrainConfig {
    require(epochs >= 1, "epochs must be >= 1, got " + epochs);
    require(batchSize >= 1, "batch_size must be >= 1, got " + batchSize);
    require(Double.isFinite(learningRate) && learningRate > 0, "lr must be > 0, got " + learningRate);
    require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
    require(Double.isFinite(weightDecay) && weightDecay >= 0,
        "weight_decay must be >= 0, got " + weightDecay);
    require(!nesterov || momentum > 0, "nesterov needs momentum > 0, got momentum " + momentum);
    require(schedule != null, "schedule must be cosine or step, got null");
    stepMilestones = stepMilestones == null ? List.of() : List.copyOf(stepMilestones);
    int previous = 0;
    for (int milestone : stepMilestones) {
      require(milestone > previous,
          "step_milestones must be positive and strictly increasing, got " + stepMilestones);
      previous = milestone;
    }
    require(stepGamma > 0 && stepGamma <= 1, "step_gamma must be in (0, 1], got " + stepGamma);
    require(warmupEpochs >= 0 && warmupEpochs < epochs,
        "warmup_epochs must be in [0, epochs), got " + warmupEpochs + " with epochs " + epochs);
    require(labelSmoothing >= 0 && labelSmoothing < 1,
        "label_smoothing must be in [0, 1), got " + labelSmoothing);
    require(Double.isFinite(kdTemperature) && kdTemperature > 0,
        "kd_temperature must be > 0, got " + kdTemperature);
    require(kdWeight >= 0 && kdWeight <= 1, "kd_weight must be in [0, 1], got " + kdWeight);
    require(maxStepsPerEpoch >= 0, "max_steps_per_epoch must be >= 0, got " + maxStepsPerEpoch);
    require(maxLoss > 0, "max_loss must be > 0, got " + maxLoss);
    require(maxBadSteps >= 0, "max_bad_steps must be >= 0, got " + maxBadSteps);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new UserInputException(message);
    }
  }

  /** The defaults of spec section 8: 200 epochs, batch 128, SGD 0.1 / 0.9 / 5e-4, cosine. */
  public static TrainConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.batchSize = batchSize;
    b.learningRate = learningRate;
    b.momentum = momentum;
    b.weightDecay = weightDecay;
    b.nesterov = nesterov;
    b.schedule = schedule;
    b.stepMilestones = stepMilestones;
    b.stepGamma = stepGamma;
    b.warmupEpochs = warmupEpochs;
    b.labelSmoothing = labelSmoothing;
    b.seed = seed;
    b.kdTemperature = kdTemperature;
    b.kdWeight = kdWeight;
    b.maxStepsPerEpoch = maxStepsPerEpoch;
    b.maxLoss = maxLoss;
    b.maxBadSteps = maxBadSteps;
    return b;
  }

  /** Mutable builder starting from the section 8 defaults; {@link #build()} validates. */
  public static final class Builder {
    private int epochs = 200;
    private int batchSize = 128;
    private double learningRate = 0.1;
    private double momentum = 0.9;
    private double weightDecay = 5e-4;
    private boolean nesterov;
    private ScheduleKind schedule = ScheduleKind.COSINE;
    private List<Integer> stepMilestones = List.of();
    private double stepGamma = 0.1;
    private int warmupEpochs;
    private double labelSmoothing;
    private long seed;
    private double kdTemperature = 4;
    private double kdWeight = 0.9;
    private int maxStepsPerEpoch;
    private double maxLoss = 1e4;
    private int maxBadSteps = 3;

    private Builder() {}

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder momentum(double v) {
      momentum = v;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    public Builder nesterov(boolean v) {
      nesterov = v;
      return this;
    }

    public Builder schedule(ScheduleKind v) {
      schedule = v;
      return this;
    }

    public Builder stepMilestones(List<Integer> v) {
      stepMilestones = v;
      return this;
    }

    public Builder stepGamma(double v) {
      stepGamma = v;
      return this;
    }

    public Builder warmupEpochs(int v) {
      warmupEpochs = v;
      return this;
    }

    public Builder labelSmoothing(double v) {
      labelSmoothing = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder kdTemperature(double v) {
      kdTemperature = v;
      return this;
    }

    public Builder kdWeight(double v) {
      kdWeight = v;
      return this;
    }

    public Builder maxStepsPerEpoch(int v) {
      maxStepsPerEpoch = v;
      return this;
    }

    public Builder maxLoss(double v) {
      maxLoss = v;
      return this;
    }

    public Builder maxBadSteps(int v) {
      maxBadSteps = v;
      return this;
    }

    public TrainConfig build() {
      return new TrainConfig(epochs, batchSize, learningRate, momentum, weightDecay, nesterov,
          schedule, stepMilestones, stepGamma, warmupEpochs, labelSmoothing, seed, kdTemperature,
          kdWeight, maxStepsPerEpoch, maxLoss, maxBadSteps);
    }
  }
}
