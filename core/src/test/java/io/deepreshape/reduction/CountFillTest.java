package io.deepreshape.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The fill's subset sum against an exhaustive search of every choice, and its preference for early items. */
class CountFillTest {
  private final Random random = new Random(18);

  @RepeatedTest(200)
  void reachesTheLargestTotalAnExhaustiveSearchFinds() {
    int n = 1 + random.nextInt(4);
    long[][] extras = new long[n][];
    for (int i = 0; i < n; i++) {
      extras[i] = random.nextBoolean() ? progression(1 + random.nextInt(12), 1 + random.nextInt(9))
          : sparse(1 + random.nextInt(5));
    }
    long target = random.nextInt(150);
    int[] choice = CountFill.choose(extras, target);
    long got = 0;
    for (int i = 0; i < n; i++) {
      got += extras[i][choice[i]];
    }
    assertThat(got).as(Arrays.deepToString(extras) + " target " + target).isEqualTo(best(extras, 0, target));
  }

  @Test
  void theEarliestItemTakesTheMostAmongEqualTotals() {
    // 48 = 3 * 16 from the first item alone, or 16 + 32, or 48 from the second: the first takes all
    long[][] extras = {{0, 16, 32, 48}, {0, 16, 32, 48, 64}};
    assertThat(CountFill.choose(extras, 50)).containsExactly(3, 0);
    // 70 is not reachable with multiples of 16: 64, with the first item at its most (48)
    assertThat(CountFill.choose(extras, 70)).containsExactly(3, 1);
  }

  @Test
  void aProgressionOfManyStepsIsSummedLikeAnyOther() {
    long[] wide = progression(64, 9);
    long[][] extras = {wide, {0, 5, 7}};
    int[] c = CountFill.choose(extras, 583);
    assertThat(wide[c[0]] + extras[1][c[1]]).isEqualTo(best(extras, 0, 583));
    assertThat(wide[c[0]] + extras[1][c[1]]).isEqualTo(583);   // 9 * 64 + 7
  }

  private long[] progression(int steps, int d) {
    long[] e = new long[steps + 1];
    for (int k = 0; k <= steps; k++) {
      e[k] = (long) k * d;
    }
    return e;
  }

  private long[] sparse(int size) {
    long[] e = new long[size + 1];
    for (int k = 1; k <= size; k++) {
      e[k] = e[k - 1] + 1 + random.nextInt(30);
    }
    return e;
  }

  private static long best(long[][] extras, int i, long left) {
    if (i == extras.length) {
      return 0;
    }
    long b = 0;
    for (long e : extras[i]) {
      if (e <= left) {
        b = Math.max(b, e + best(extras, i + 1, left - e));
      }
    }
    return b;
  }
}
