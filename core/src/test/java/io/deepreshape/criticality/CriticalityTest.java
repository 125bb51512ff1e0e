package io.deepreshape.criticality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalityTest {
  // A_lin = 10.0; A_1..A_4 = 30.5, 52.0, 60.25, 41.0 -> C = 20.5, 42.0, 50.25, 31.0 -> S3 > S2 > S4 > S1.
  private static final CriticalityScores SCORES = new CriticalityScores("resnet18", "cifar100", 10.0, List.of(
      new StageAccuracy(2, 52.0), new StageAccuracy(1, 30.5), new StageAccuracy(4, 41.0), new StageAccuracy(3, 60.25)));

  @Test
  void scoresAndOrder() {
    assertThat(SCORES.score(1)).isEqualTo(20.5);
    assertThat(SCORES.score(3)).isEqualTo(50.25);
    assertThat(SCORES.order("f").stages()).containsExactly(3, 2, 4, 1);
    assertThat(SCORES.order("f").toString()).isEqualTo("S3 > S2 > S4 > S1");
  }

  @Test
  void equalScoresKeepTheLowerStageFirst() {
    CriticalityScores tie = new CriticalityScores("n", "d", 0, List.of(new StageAccuracy(1, 5), new StageAccuracy(2, 5)));
    assertThat(tie.order("t").stages()).containsExactly(1, 2);
  }

  @Test
  void defaultOrderIsThePublishedOneForFourStagesOnly() {
    assertThat(CriticalityOrder.defaultFor(4).stages()).containsExactly(3, 2, 4, 1);
    assertThatThrownBy(() -> CriticalityOrder.defaultFor(3)).isInstanceOf(SpecException.class)
        .hasMessageContaining("--order");
  }

  @Test
  void parseAndCheck() {
    assertThat(CriticalityOrder.parse("3,2,4,1", 4).stages()).containsExactly(3, 2, 4, 1);
    assertThat(CriticalityOrder.parse("S3>S2>S4>S1", 4).stages()).containsExactly(3, 2, 4, 1);
    assertThatThrownBy(() -> CriticalityOrder.parse("3,2,2,1", 4)).hasMessageContaining("permutation");
    assertThatThrownBy(() -> CriticalityOrder.parse("3,2,1", 4)).hasMessageContaining("all 4 stages");
    CriticalityOrder o = CriticalityOrder.defaultFor(4);
    assertThat(o.isSatisfiedBy(new long[] {1, 3, 4, 2})).isTrue();
    assertThat(o.firstViolation(new long[] {1, 3, 3, 2})).isEqualTo(0);
    assertThat(o.leastCriticalFirst()).containsExactly(1, 4, 2, 3);
  }

  @Test
  void fileRoundTrip(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("crit.json");
    CriticalityIo.write(SCORES, f);
    String text = Files.readString(f);
    assertThat(text).contains("\"score\" : 50.25").contains("\"order\" : [ 3, 2, 4, 1 ]");
    assertThat(CriticalityIo.read(f)).isEqualTo(SCORES);
  }

  @Test
  void contradictoryFileIsRejected() {
    String bad = "{\"linear_accuracy\": 10, \"stages\": [{\"stage\": 1, \"accuracy\": 30, \"score\": 5},"
        + "{\"stage\": 2, \"accuracy\": 40}]}";
    assertThatThrownBy(() -> CriticalityIo.parse(bad)).hasMessageContaining("stages[S1].score must equal");
    String badOrder = "{\"linear_accuracy\": 10, \"stages\": [{\"stage\": 1, \"accuracy\": 30},"
        + "{\"stage\": 2, \"accuracy\": 40}], \"order\": [1, 2]}";
    assertThatThrownBy(() -> CriticalityIo.parse(badOrder)).hasMessageContaining("order must match");
    assertThatThrownBy(() -> CriticalityIo.parse("{\"linear_accuracy\": 10, \"stages\": [{\"stage\": 2, \"accuracy\": 1}]}"))
        .hasMessageContaining("S1..S1");
    assertThatThrownBy(() -> CriticalityIo.parse("{\"stages\": []}")).hasMessageContaining("linear_accuracy");
  }
}
