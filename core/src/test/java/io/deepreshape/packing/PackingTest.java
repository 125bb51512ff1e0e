package io.deepreshape.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The packing of convolutions and fully connected layers worked by hand for N = 4096. */
class PackingTest {
  @Test
  void aCifarStageOneConvolutionPacksThreeKernelsPerPolynomial() {
    // 16x32x32 to 16 channels, 3x3, padding 1: padded 34x34 = 1,156 coefficients a channel, at most
    // 4096 / 1156 = 3 channels per polynomial. Per tile, with costs 7 an input, 13 an output, 1 a product:
    // 3 channels: 6 groups x 1 kernel -> 6 x 7 + 16 x 13 + 96 = 346; 2 channels: 8 x 1 -> 392;
    // 1 channel: 16 groups x 3 kernels (6 blocks) -> 112 + 78 + 96 = 286, the cheapest.
    ConvTiling t = ConvTiling.plan(16, 32, 32, 16, 3, 1, 4096);
    assertThat(t).isEqualTo(new ConvTiling(34, 34, 1, 16, 3, 1, 1));
    assertThat(t.inputPolys()).isEqualTo(16);
    assertThat(t.outputPolys(16)).isEqualTo(6);
    assertThat(t.products(16)).isEqualTo(96);
  }

  @Test
  void cheetahsTilingIsTheOneWithAKernelPerPolynomial() {
    // 3 input channels fit one polynomial; 16 kernels: one group, 3 kernels need 3 x 3 x 1156 > 4096,
    // so the choice is 1 group x 16 blocks (7 + 208 + 16 = 231), 2 groups x 16 (14 + 208 + 32 = 254) or
    // 3 groups x 6 blocks of 3 kernels (21 + 78 + 18 = 117); with one kernel, Cheetah's tiling wins.
    ConvTiling t = ConvTiling.plan(3, 32, 32, 16, 3, 1, 4096);
    assertThat(t).isEqualTo(new ConvTiling(34, 34, 1, 3, 3, 1, 1));
    ConvTiling one = ConvTiling.plan(3, 32, 32, 1, 3, 1, 4096);
    assertThat(one).isEqualTo(new ConvTiling(34, 34, 3, 1, 1, 1, 1));
    assertThat(one.outputPolys(1)).isEqualTo(1);
  }

  @Test
  void aLargeImageIsCutIntoOverlappingTiles() {
    // 3x224x224, 7x7, padding 3: padded 230x230; tile width min(230, 4096 / 7 = 585) = 230, tile height
    // 4096 / 230 = 17 rows, one channel per polynomial; tiles down ceil((230 - 6) / (17 - 6)) = 21.
    // 17 x 230 = 3,910 coefficients: one kernel per polynomial too.
    ConvTiling t = ConvTiling.plan(3, 224, 224, 64, 7, 3, 4096);
    assertThat(t).isEqualTo(new ConvTiling(17, 230, 1, 3, 1, 21, 1));
    assertThat(t.inputPolys()).isEqualTo(63);
    assertThat(t.products(64)).isEqualTo(64L * 63);
  }

  @Test
  void aSmallFeatureMapPacksChannelsAndKernels() {
    // 200x4x4 to 200 channels, 3x3, padding 1: 6x6 = 36 coefficients, up to 4096 / 36 = 113 channels.
    // 8 channels: 25 groups, 4096 / (8 x 36) = 14 kernels, 15 blocks: 175 + 195 + 375 = 745;
    // 7: 29 groups x 13 blocks (16 kernels) -> 203 + 169 + 377 = 749; 9: 23 x 17 (12) -> 161 + 221 + 391 = 773;
    // 113 (Cheetah's): 2 groups x 200 -> 14 + 2600 + 400 = 3014.
    ConvTiling t = ConvTiling.plan(200, 4, 4, 200, 3, 1, 4096);
    assertThat(t).isEqualTo(new ConvTiling(6, 6, 8, 25, 14, 1, 1));
    assertThat(t.outputPolys(200)).isEqualTo(15);
    assertThat(t.products(200)).isEqualTo(375);
    assertThat(t.kernelsPerPoly() * t.channelsPerGroup() * 36).isLessThanOrEqualTo(4096);
  }

  @Test
  void fullyConnectedLayersPackRowsPerPolynomial() {
    // 512 inputs fit one group; 4096 / 512 = 8 rows a polynomial; 100 outputs: ceil(100 / 8) = 13 blocks
    assertThat(FcPacking.plan(512, 100, 4096)).isEqualTo(new FcPacking(512, 8, 1, 13));
    // 10,000 inputs: groups of 4096, one row each
    FcPacking big = FcPacking.plan(10_000, 10, 4096);
    assertThat(big).isEqualTo(new FcPacking(4096, 1, 3, 10));
    assertThat(big.products()).isEqualTo(30);
  }

  @Test
  void impossibleShapesAreRejected() {
    assertThatThrownBy(() -> ConvTiling.plan(1, 8, 8, 1, 65, 0, 4096)).hasMessageContaining("does not fit N=4096");
    assertThatThrownBy(() -> FcPacking.plan(0, 3, 4096)).hasMessageContaining("must be >= 1");
  }
}
