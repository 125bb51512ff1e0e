package io.deepreshape.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deepreshape.train.optim.LearningRateSchedule;
import io.deepreshape.train.optim.ScheduleKind;
import io.deepreshape.train.trainer.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void cosineWithWarmupMatchesFormula() {
    // 10 epochs of 100 steps, 2 warm-up epochs: warm-up steps 0..199, cosine over 800 steps.
    TrainConfig c = TrainConfig.builder().epochs(10).learningRate(0.2).warmupEpochs(2).build();
    LearningRateSchedule s = new LearningRateSchedule(c, 100);
    assertThat(s.rate(0)).isCloseTo(0.2 / 200, within(1e-15));
    assertThat(s.rate(99)).isCloseTo(0.1, within(1e-15));
    assertThat(s.rate(199)).isCloseTo(0.2, within(1e-15));
    assertThat(s.rate(200)).isCloseTo(0.2, within(1e-15));
    // a quarter of the cosine: 0.5 * 0.2 * (1 + cos(pi/4))
    assertThat(s.rate(400)).isCloseTo(0.1 * (1 + Math.sqrt(0.5)), within(1e-12));
    assertThat(s.rate(600)).isCloseTo(0.1, within(1e-12));
    assertThat(s.rate(999)).isCloseTo(0.1 * (1 + Math.cos(Math.PI * 799 / 800)), within(1e-12));
    assertThat(s.totalSteps()).isEqualTo(1000);
  }

  @Test
  void cosineWithoutWarmupStartsAtPeak() {
    TrainConfig c = TrainConfig.builder().epochs(4).learningRate(0.1).build();
    LearningRateSchedule s = new LearningRateSchedule(c, 5);
    assertThat(s.rate(0)).isEqualTo(0.1);
    assertThat(s.rate(10)).isCloseTo(0.05, within(1e-12));
    assertThat(s.rate(15)).isCloseTo(0.05 * (1 + Math.cos(Math.PI * 0.75)), within(1e-12));
  }

  @Test
  void stepDecayAtMilestones() {
    TrainConfig c = TrainConfig.builder().epochs(30).learningRate(0.1)
        .schedule(ScheduleKind.STEP).stepMilestones(List.of(10, 20)).stepGamma(0.1)
        .warmupEpochs(1).build();
    LearningRateSchedule s = new LearningRateSchedule(c, 10);
    assertThat(s.rate(4)).isCloseTo(0.05, within(1e-15));
    assertThat(s.rate(10)).isCloseTo(0.1, within(1e-15));
    assertThat(s.rate(99)).isCloseTo(0.1, within(1e-15));
    assertThat(s.rate(100)).isCloseTo(0.01, within(1e-15));
    assertThat(s.rate(200)).isCloseTo(0.001, within(1e-15));
  }
}
