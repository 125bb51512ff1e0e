package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.train.checkpoint.RunFileJson;
import io.deepreshape.train.optim.ScheduleKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  @Test
  void defaultsFollowSpecSection8() {
    TrainConfig c = TrainConfig.defaults();
    assertThat(c.epochs()).isEqualTo(200);
    assertThat(c.batchSize()).isEqualTo(128);
    assertThat(c.learningRate()).isEqualTo(0.1);
    assertThat(c.momentum()).isEqualTo(0.9);
    assertThat(c.weightDecay()).isEqualTo(5e-4);
    assertThat(c.nesterov()).isFalse();
    assertThat(c.schedule()).isEqualTo(ScheduleKind.COSINE);
    assertThat(c.kdTemperature()).isEqualTo(4.0);
    assertThat(c.kdWeight()).isEqualTo(0.9);
    assertThat(c.labelSmoothing()).isEqualTo(0.0);
  }

  @Test
  void jsonRoundTripKeepsEveryField() throws Exception {
    TrainConfig c = TrainConfig.builder().epochs(30).batchSize(64).learningRate(0.05)
        .nesterov(true).schedule(ScheduleKind.STEP).stepMilestones(List.of(10, 20))
        .stepGamma(0.2).warmupEpochs(2).labelSmoothing(0.1).seed(42).kdTemperature(3)
        .kdWeight(0.5).maxStepsPerEpoch(7).build();
    String json = RunFileJson.MAPPER.writeValueAsString(c);
    assertThat(json).contains("\"schedule\":\"step\"", "\"batch_size\":64",
        "\"step_milestones\":[10,20]");
    assertThat(RunFileJson.MAPPER.readValue(json, TrainConfig.class)).isEqualTo(c);
  }

  @Test
  void invalidFieldsAreNamed() {
    assertThatThrownBy(() -> TrainConfig.builder().epochs(0).build())
        .hasMessageContaining("epochs must be >= 1, got 0");
    assertThatThrownBy(() -> TrainConfig.builder().momentum(1.0).build())
        .hasMessageContaining("momentum");
    assertThatThrownBy(() -> TrainConfig.builder().momentum(0).nesterov(true).build())
        .hasMessageContaining("nesterov");
    assertThatThrownBy(() -> TrainConfig.builder().epochs(5).warmupEpochs(5).build())
        .hasMessageContaining("warmup_epochs");
    assertThatThrownBy(() -> TrainConfig.builder().stepMilestones(List.of(5, 5)).build())
        .hasMessageContaining("step_milestones");
    assertThatThrownBy(() -> TrainConfig.builder().labelSmoothing(1).build())
        .hasMessageContaining("label_smoothing");
    assertThatThrownBy(() -> TrainConfig.builder().kdWeight(1.5).build())
        .hasMessageContaining("kd_weight");
    assertThatThrownBy(() -> TrainConfig.builder().learningRate(Double.NaN).build())
        .hasMessageContaining("lr must be > 0");
    assertThatThrownBy(() -> RunFileJson.MAPPER.readValue(
        "{\"epochs\":3,\"batch_size\":0,\"lr\":0.1,\"schedule\":\"cosine\",\"step_gamma\":0.1,"
            + "\"kd_temperature\":4,\"max_loss\":10000}", TrainConfig.class))
        .hasMessageContaining("batch_size must be >= 1");
  }
}
