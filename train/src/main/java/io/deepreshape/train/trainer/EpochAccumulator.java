package io.deepreshape.train.trainer;

import io.deepreshape.train.checkpoint.CheckpointState;

/** Running training statistics of one epoch, restorable from a mid-epoch checkpoint. */
final class EpochAccumulator {
  private double lossSum;
  private long correct;
  private long samples;
  private double trainSeconds;
  private double secondsBeforeResume;
  private int skipped;

  static EpochAccumulator restore(CheckpointState state) {
    EpochAccumulator acc = new EpochAccumulator();
    acc.lossSum = state.partialLossSum();
    acc.correct = state.partialCorrect();
    acc.samples = state.partialSamples();
    acc.trainSeconds = state.partialSeconds();
    acc.secondsBeforeResume = state.partialSeconds();
    acc.skipped = state.partialSkipped();
    return acc;
  }

  void add(TrainStep.Outcome outcome) {
    lossSum += outcome.loss() * outcome.samples();
    correct += outcome.correct();
    samples += outcome.samples();
  }

  void addSkipped() {
    skipped++;
  }

  int skipped() {
    return skipped;
  }

  void addSeconds(double seconds) {
    trainSeconds += seconds;
  }

  double meanLoss() {
    return samples == 0 ? 0 : lossSum / samples;
  }

  double top1() {
    return samples == 0 ? 0 : (double) correct / samples;
  }

  double imagesPerSecond() {
    return trainSeconds <= 0 ? 0 : samples / trainSeconds;
  }

  /** Training seconds spent on this epoch by earlier (stopped) processes. */
  double secondsBeforeResume() {
    return secondsBeforeResume;
  }

  CheckpointState state(int epoch, int batch, long globalStep, int stepsPerEpoch, long seed,
      Double bestTop1, String reason) {
    return new CheckpointState(epoch, batch, globalStep, stepsPerEpoch, seed, bestTop1, lossSum,
        correct, samples, trainSeconds, reason, skipped);
  }
}
