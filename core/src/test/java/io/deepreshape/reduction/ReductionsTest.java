package io.deepreshape.reduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each operator's effect on ReLUs and FLOPs against hand arithmetic. ResNet18 on CIFAR-100: 557,056
 * ReLUs, 555,468,800 MACs (DEEPRESHAPE.md section 3); a BasicBlock ReLU layer of stage i has
 * C_i * H_i * W_i elements: S1 64*32*32 = 65,536, S2 128*16*16 = 32,768, S3 256*8*8 = 16,384,
 * S4 512*4*4 = 8,192.
 */
class ReductionsTest {
  private static final NetworkSpec R18 = Presets.build("resnet18", Dataset.CIFAR100);
  private static final long RELUS = 557_056;
  private static final long FLOPS = 555_468_800;

  private static NetworkCost cost(NetworkSpec s) {
    return Accounting.of(s);
  }

  @Test
  void cullingStage1RemovesItsFourLayers() {
    NetworkCost c = cost(Reductions.cull(R18, 1));
    assertThat(c.relus()).isEqualTo(RELUS - 4 * 65_536);
    assertThat(c.macs()).isEqualTo(FLOPS);
  }

  @Test
  void cullingTheStemRemoves64x32x32() {
    assertThat(cost(Reductions.cullStem(R18)).relus()).isEqualTo(RELUS - 64 * 32 * 32);
  }

  @Test
  void thinningABasicStageDropsR1AndKeepsThePostAdditionReLU() {
    NetworkSpec t = Reductions.thin(R18, 2);
    assertThat(cost(t).relus()).isEqualTo(RELUS - 2 * 32_768);   // r1 of both blocks
    assertThat(t.reluMode(ReluAddress.of(2, 1, 1))).isEqualTo(ReluMode.IDENTITY);
    assertThat(t.reluMode(ReluAddress.of(2, 1, 2))).isEqualTo(ReluMode.FULL);
    assertThat(cost(t).macs()).isEqualTo(FLOPS);
  }

  @Test
  void thinningABottleneckStageDropsTheMiddleReLU() {
    NetworkSpec r50 = Presets.build("resnet50", Dataset.CIFAR100);
    long before = cost(r50).relus();
    // S1: 3 blocks, r2 after the stride-1 3x3 conv: 64 * 32 * 32 = 65,536 each.
    assertThat(cost(Reductions.thin(r50, 1)).relus()).isEqualTo(before - 3 * 65_536);
    // S2: 4 blocks, r2 after the 3x3 conv at 16x16: 128 * 16 * 16 = 32,768 each.
    assertThat(cost(Reductions.thin(r50, 2)).relus()).isEqualTo(before - 4 * 32_768);
  }

  @Test
  void thinningAWideStageDropsTheReLUBetweenTheConvs() {
    NetworkSpec wrn = Presets.build("wrn-16-4", Dataset.CIFAR100);   // widths 64, 128, 256; 2 blocks each
    long before = cost(wrn).relus();
    // S2: r2 at 16x16 with 128 channels in both blocks.
    assertThat(cost(Reductions.thin(wrn, 2)).relus()).isEqualTo(before - 2 * 128 * 16 * 16);
  }

  @Test
  void reuseCountsOneComparisonPerGroupAndAMultiplexerPerChannel() {
    NetworkCost one = cost(Reductions.reuse(R18, List.of(ReluAddress.of(3, 1, 1)), 2));
    assertThat(one.relus()).isEqualTo(RELUS - 16_384 + 128 * 8 * 8);
    assertThat(one.reuseMuxes()).isEqualTo(16_384);
    NetworkCost stage = cost(Reductions.reuseStage(R18, 4, 4));
    assertThat(stage.relus()).isEqualTo(RELUS - 4 * 8_192 + 4 * 128 * 4 * 4);
    assertThat(stage.reuseMuxes()).isEqualTo(4 * 8_192);
    assertThat(stage.macs()).isEqualTo(FLOPS);
  }

  @Test
  void reuseAfterThinningLeavesTheRemovedLayersRemoved() {
    NetworkSpec s = Reductions.reuseStage(Reductions.thin(R18, 3), 3, 2);
    // S3 keeps r2 of 2 blocks at reuse:2: 2 * 128 * 8 * 8 = 16,384 of its 65,536.
    assertThat(cost(s).relus()).isEqualTo(RELUS - 65_536 + 16_384);
    assertThat(s.reluMode(ReluAddress.of(3, 2, 1))).isEqualTo(ReluMode.IDENTITY);
  }

  @Test
  void partialFractionKeepsRoundedChannels() {
    NetworkCost c = cost(Reductions.partial(R18, List.of(ReluAddress.STEM), 0.5));
    assertThat(c.relus()).isEqualTo(RELUS - 32 * 32 * 32);
    // 0.3 of 128 channels rounds to 38: two S2 r1 layers lose 90 channels * 256 positions each.
    NetworkCost p = cost(Reductions.partial(R18, List.of(ReluAddress.of(2, 1, 1), ReluAddress.of(2, 2, 1)), 0.3));
    assertThat(p.relus()).isEqualTo(RELUS - 2 * 90 * 16 * 16);
  }

  @Test
  void droppingTheLastBlockOfStage4() {
    NetworkSpec s = Reductions.dropBlocks(Reductions.cull(R18, 4), 4, 1);
    assertThat(s.stages().get(3).phi()).isEqualTo(1);
    assertThat(s.relu().keySet()).noneMatch(a -> a.stage() == 4 && a.block() == 2);
    NetworkCost c = cost(Reductions.dropBlocks(R18, 4, 1));
    // s4.b2 has two 512->512 3x3 convs at 4x4: 2 * 512 * 512 * 9 * 16 MACs, two layers of 8,192 ReLUs.
    assertThat(c.macs()).isEqualTo(FLOPS - 2L * 512 * 512 * 9 * 16);
    assertThat(c.relus()).isEqualTo(RELUS - 2 * 8_192);
    assertThatThrownBy(() -> Reductions.dropBlocks(R18, 4, 2)).isInstanceOf(SpecException.class)
        .hasMessageContaining("between 1 and 1");
  }

  @Test
  void halvingTheWidthOfStage4() {
    NetworkCost c = cost(Reductions.cutWidth(R18, 4, 0.5));
    // Before, S4: conv1 256->512/2 (256*512*9*16) + conv2 (512*512*9*16) + shortcut (256*512*16)
    //             + b2 (2 * 512*512*9*16) = 134,217,728; FC 512*100.
    // After (width 256): 256*256*9*16 * 4 + shortcut 256*256*16 = 38,797,312; FC 256*100.
    long s4Before = 256L * 512 * 9 * 16 + 512L * 512 * 9 * 16 + 256L * 512 * 16 + 2L * 512 * 512 * 9 * 16;
    long s4After = 4L * 256 * 256 * 9 * 16 + 256L * 256 * 16;
    assertThat(s4Before).isEqualTo(134_217_728L);
    assertThat(c.macs()).isEqualTo(FLOPS - s4Before + s4After - 512 * 100 + 256 * 100);
    assertThat(c.relus()).isEqualTo(RELUS - 4 * 8_192 + 4 * 256 * 4 * 4);
  }

  @Test
  void operatorsArePure() {
    Reductions.cull(R18, 1);
    Reductions.thin(R18, 2);
    assertThat(R18.relu()).isEmpty();
    assertThat(cost(R18).relus()).isEqualTo(RELUS);
  }

  @Test
  void badStageIsNamed() {
    assertThatThrownBy(() -> Reductions.cull(R18, 5)).hasMessageContaining("between 1 and 4");
    assertThatThrownBy(() -> Reductions.cullStem(Presets.build("wrn-16-4", Dataset.CIFAR100)))
        .hasMessageContaining("no stem ReLU");
  }
}
