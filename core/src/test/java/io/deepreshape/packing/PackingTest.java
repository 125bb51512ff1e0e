package io.deepreshape.packing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cheetah's packing worked by hand for N = 4096. */
class PackingTest {
  @Test
  void aCifarStageOneConvolutionPacksFourChannelsPerPolynomial() {
    // 16x32x32, 3x3, padding 1: padded 34x34 = 1,156 coefficients a channel, 4096 / 1156 = 3 channels
    // per polynomial, ceil(16 / 3) = 6 groups, one tile; 16 kernels: 16 outputs, 96 products.
    ConvTiling t = ConvTiling.plan(16, 32, 32, 3, 1, 4096);
    assertThat(t).isEqualTo(new ConvTiling(34, 34, 3, 6, 1, 1));
    assertThat(t.inputPolys()).isEqualTo(6);
    assertThat(t.outputPolys(16)).isEqualTo(16);
    assertThat(t.products(16)).isEqualTo(96);
  }

  @Test
  void aLargeImageIsCutIntoOverlappingTiles() {
    // 3x224x224, 7x7, padding 3: padded 230x230; tile width min(230, 4096 / 7 = 585) = 230, tile height
    // 4096 / 230 = 17 rows, one channel per polynomial; tiles down ceil((230 - 6) / (17 - 6)) = 21.
    ConvTiling t = ConvTiling.plan(3, 224, 224, 7, 3, 4096);
    assertThat(t).isEqualTo(new ConvTiling(17, 230, 1, 3, 21, 1));
    assertThat(t.inputPolys()).isEqualTo(63);
    assertThat(t.products(64)).isEqualTo(64L * 63);
  }

  @Test
  void aSmallFeatureMapPacksManyChannels() {
    // 200x4x4, 3x3, padding 1: 6x6 = 36 coefficients, 4096 / 36 = 113 channels, 2 groups
    ConvTiling t = ConvTiling.plan(200, 4, 4, 3, 1, 4096);
    assertThat(t).isEqualTo(new ConvTiling(6, 6, 113, 2, 1, 1));
    assertThat(t.outputPolys(200)).isEqualTo(200);
    assertThat(t.products(200)).isEqualTo(400);
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
    assertThatThrownBy(() -> ConvTiling.plan(1, 8, 8, 65, 0, 4096)).hasMessageContaining("does not fit N=4096");
    assertThatThrownBy(() -> FcPacking.plan(0, 3, 4096)).hasMessageContaining("must be >= 1");
  }
}
