package io.deepreshape.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.Profiles;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absurd specs fail at parse time naming the field; the largest allowed spec is counted exactly. */
class SpecLimitsTest {
  private static String spec(String input, String stages) {
    return "name: n\ninput: " + input + "\nstem: {type: cifar, channels: 16}\nblock: basic\nstages: " + stages + "\n";
  }

  @Test
  void aTwoBillionPixelInputNamesItsSide() {
    assertThatThrownBy(() -> SpecIo.parse(spec("{channels: 3, height: 44722, width: 44722, classes: 10}",
        "[{phi: 1, width: 16}]"), false))
        .isInstanceOf(SpecException.class)
        .hasMessage("input.height must be between 1 and 4096, was 44722");
  }

  @Test
  void aWidthAboveTheLimitNamesItsStage() {
    assertThatThrownBy(() -> SpecIo.parse(spec("{channels: 3, height: 32, width: 32, classes: 10}",
        "[{phi: 1, width: 16}, {phi: 1, width: 2000000}]"), false))
        .hasMessage("stages[1].width must be between 1 and 1048576, was 2000000");
  }

  @Test
  void tooManyBlocksAreRefused() {
    assertThatThrownBy(() -> SpecIo.parse(spec("{channels: 3, height: 32, width: 32, classes: 10}",
        "[{phi: 600, width: 16}, {phi: 600, width: 32}]"), false))
        .hasMessage("the number of blocks (sum of stages[].phi) must be between 1 and 1024, was 1200");
  }

  @Test
  void aNetworkAboveTheSizeBoundNamesItsLargestStage() {
    assertThatThrownBy(() -> SpecIo.parse(spec("{channels: 3, height: 64, width: 64, classes: 10}",
        "[{phi: 2, width: 16}, {phi: 64, width: 1048576}]"), false))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("the network is too large: about ")
        .hasMessageContaining("stages[1] is the largest part");
  }

  @Test
  void aFeatureMapAboveTheElementLimitNamesItsStage() {
    assertThatThrownBy(() -> SpecIo.parse(spec("{channels: 3, height: 4096, width: 4096, classes: 10}",
        "[{phi: 1, width: 128}]"), false))
        .hasMessage("stages[0].width is too large for its 4096x4096 feature map: 128 channels give 2147483648"
            + " values per image, above the limit of 2147483647");
  }

  @Test
  void theLargestInputCountsExactly() {
    assertExactCounts(SpecLimits.MAX_SIDE, 127);
  }

  @Test
  void theWidestFeatureMapCountsExactly() {
    assertExactCounts(64, (1 << 19) - 1);
  }

  /** ReLUs computed independently with BigInteger: the stem's 16 channels and two per basic block. */
  private static void assertExactCounts(int side, int width) {
    NetworkSpec n = new NetworkSpec("big", new InputShape(3, side, side, 10), new StemSpec(StemType.CIFAR, 16),
        BlockType.BASIC, List.of(new StageSpec(1, width)));
    NetworkCost cost = Accounting.of(n);
    BigInteger pixels = BigInteger.valueOf(side).pow(2);
    BigInteger relus = pixels.multiply(BigInteger.valueOf(16 + 2L * width));
    assertThat(BigInteger.valueOf(cost.relus())).isEqualTo(relus);
    BigInteger convMacs = pixels.multiply(BigInteger.valueOf(9L * width * (16 + width)));
    assertThat(BigInteger.valueOf(cost.macs())).isGreaterThanOrEqualTo(convMacs);
    assertThat(LatencyModel.estimate(cost, Profiles.defaultProfile(), Profiles.network("loopback")).totalS())
        .isPositive();
  }
}
