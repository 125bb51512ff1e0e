package io.deepreshape.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelScalingTest {
  private static final NetworkSpec R18 = Presets.build("resnet18", Dataset.CIFAR100);

  @Test
  void baseChHalvesEveryWidthAndEveryReLU() {
    NetworkSpec s = ChannelScaling.baseCh(R18, 32);
    assertThat(s.stages()).extracting(StageSpec::width).containsExactly(32, 64, 128, 256);
    assertThat(s.stemChannels()).isEqualTo(32);
    assertThat(Accounting.of(s).relus()).isEqualTo(557_056 / 2);
    assertThat(s.name()).isEqualTo("resnet18-m32-f2x2x2");
  }

  @Test
  void stageChUsesOneFactor() {
    NetworkSpec s = ChannelScaling.stageCh(R18, 3);
    assertThat(s.stages()).extracting(StageSpec::width).containsExactly(64, 192, 576, 1728);
    // stem 64*32*32; S1 4*64*1024; S2 4*192*256; S3 4*576*64; S4 4*1728*16
    long expected = 65_536 + 262_144 + 4 * 192 * 256 + 4 * 576 * 64 + 4 * 1728 * 16;
    assertThat(Accounting.of(s).relus()).isEqualTo(expected);
  }

  @Test
  void heterogeneousAndFamily() {
    List<NetworkSpec> fam = ChannelScaling.family(R18, ScalingMethod.HETEROGENEOUS,
        List.of(new int[] {5, 5, 3}, new int[] {2, 2, 2}));
    assertThat(fam.get(0).stages()).extracting(StageSpec::width).containsExactly(64, 320, 1600, 4800);
    assertThat(Accounting.of(fam.get(1)).macs()).isEqualTo(555_468_800L);
    assertThat(ChannelScaling.family(R18, ScalingMethod.STAGECH, List.of(new int[] {2}, new int[] {4})))
        .extracting(NetworkSpec::name).containsExactly("resnet18-m64-f2x2x2", "resnet18-m64-f4x4x4");
    assertThatThrownBy(() -> ChannelScaling.heterogeneous(R18, new int[] {2, 2})).hasMessageContaining("3 channel factors");
    assertThatThrownBy(() -> ScalingMethod.parse("x")).hasMessageContaining("basech, stagech, hetero");
  }

  @Test
  void wideStemKeepsItsChannels() {
    NetworkSpec wrn = Presets.build("wrn-16-4", Dataset.CIFAR100);
    NetworkSpec s = ChannelScaling.baseCh(wrn, 32);
    assertThat(s.stemChannels()).isEqualTo(16);
    assertThat(s.stages()).extracting(StageSpec::width).containsExactly(32, 64, 128);
  }
}
