package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccuracyCounterTest {
  @Test
  void countsTop1AndTop5() {
    AccuracyCounter counter = new AccuracyCounter();
    float[] logits = {
      9, 1, 2, 3, 4, 5, // label 0: rank 0
      1, 2, 3, 4, 5, 6, // label 0: rank 5 (miss top-5)
      6, 5, 4, 3, 2, 1, // label 4: rank 4 (top-5 hit)
    };
    counter.add(logits, new int[] {0, 0, 4}, 3);
    assertThat(counter.samples()).isEqualTo(3);
    assertThat(counter.top1()).isEqualTo(1.0 / 3);
    assertThat(counter.top5()).isEqualTo(2.0 / 3);
  }

  @Test
  void top5UndefinedBelowFiveClasses() {
    AccuracyCounter counter = new AccuracyCounter();
    counter.add(new float[] {0, 1, 2, 3}, new int[] {3}, 1);
    assertThat(counter.top1()).isEqualTo(1.0);
    assertThat(counter.top5()).isNull();
  }
}
