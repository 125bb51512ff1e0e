package io.deepreshape.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ReLU-mode rules of DEEPRESHAPE.md section 3, checked by hand on ResNet18/CIFAR-100. */
class ReluModeAccountingTest {
  private final NetworkSpec base = Presets.build("resnet18", Dataset.CIFAR100);
  private static final long FULL = 557_056;

  @Test
  void identityCountsZero() {
    // s1.b1.r1 sees 64 channels at 32x32.
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY));
    assertThat(Accounting.of(s).relus()).isEqualTo(FULL - 64 * 32 * 32);
  }

  @Test
  void stemIdentityGivesSnlCount() {
    // SNL's ResNet18 has no stem ReLU: 491,520 (DEEPRESHAPE.md section 10).
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.STEM, ReluMode.IDENTITY));
    assertThat(Accounting.of(s).relus()).isEqualTo(491_520);
  }

  @Test
  void partialFractionCountsKeptChannels() {
    // s3.b2.r2: 256 channels at 8x8; a quarter keeps 64 channels.
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.of(3, 2, 2), ReluMode.parse("partial:0.25", "t")));
    assertThat(Accounting.of(s).relus()).isEqualTo(FULL - 256 * 64 + 64 * 64);
  }

  @Test
  void partialChannelListCountsItsBits() {
    BitSet kept = new BitSet();
    kept.set(0, 10);
    kept.set(100);
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.of(4, 1, 1), new ReluMode.PartialChannels(kept)));
    // s4.b1.r1: 512 channels at 4x4, 11 kept.
    assertThat(Accounting.of(s).relus()).isEqualTo(FULL - 512 * 16 + 11 * 16);
  }

  @Test
  void reuseCountsCeilComparisonsAndMuxesApart() {
    // stem: 64 channels at 32x32, r = 3 -> ceil(64/3) = 22 comparisons per position, 64 muxes per position.
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.STEM, new ReluMode.Reuse(3)));
    NetworkCost c = Accounting.of(s);
    assertThat(c.relus()).isEqualTo(FULL - 64 * 1024 + 22 * 1024);
    assertThat(c.reuseMuxes()).isEqualTo(64 * 1024);
    assertThat(c.stages().get(0).reuseMuxes()).isEqualTo(64 * 1024);
  }

  @Test
  void reluModesLeaveFlopsAndParamsAlone() {
    NetworkSpec s = base.withReluModes(Map.of(ReluAddress.of(2, 1, 2), ReluMode.IDENTITY, ReluAddress.STEM,
        new ReluMode.Reuse(4)));
    assertThat(Accounting.of(s).macs()).isEqualTo(555_468_800L);
    assertThat(Accounting.of(s).params()).isEqualTo(11_220_132L);
  }
}
