package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.reduction.GraphReductions;
import io.deepreshape.spec.ReluAddress;
import org.junit.jupiter.api.Test;

/**
 * The stages, blocks and ReLU addresses the importer reads from PyTorch's exports, and DeepReDuce's
 * operators on them, against counts by hand from tools/make_onnx_fixtures.py's module definitions.
 */
class ImportedStagesTest {
  private static NetworkGraph imported(String name) {
    return OnnxImport.read(Fixtures.model(name)).graph();
  }

  @Test
  void aDownsamplingBottleneckBelongsWhollyToTheStageItProduces() {
    // 64x64 input, 7x7/2 stem of 8 channels (32x32) and a 3x3/2 max-pool (16x16). S1: one Bottleneck of
    // planes 4 at 16x16: 4*256 + 4*256 + 16*256 = 6,144. S2: two of planes 8; the first runs its 1x1 and
    // ReLU at 16x16 (8*256 = 2,048) before the strided 3x3: 2,048 + 8*64 + 32*64 = 4,608, the second
    // 8*64 + 8*64 + 32*64 = 3,072; 7,680 in all
    NetworkGraph g = imported("imagenet-bottleneck");
    assertThat(g.depth()).isEqualTo(2);
    assertThat(g.stageRelus()).containsExactly(6_144, 7_680);
    assertThat(GraphReductions.stageLayers(g, 2)).extracting(ReluLayer::address).containsExactly(
        ReluAddress.of(2, 1, 1), ReluAddress.of(2, 1, 2), ReluAddress.of(2, 1, 3), ReluAddress.of(2, 2, 1),
        ReluAddress.of(2, 2, 2), ReluAddress.of(2, 2, 3));
    // thinning drops each block's middle ReLU (after the 3x3): 512 + 512
    assertThat(GraphReductions.thinnedLayers(g, 2)).containsExactly(ReluAddress.of(2, 1, 2), ReluAddress.of(2, 2, 2));
    assertThat(Accounting.of(GraphReductions.thin(g, 2)).relus()).isEqualTo(22_016 - 1_024);
  }

  @Test
  void basicBlocksThinTheirFirstReluAndCullWholeStages() {
    // 32x32 input, stem 8 channels (8,192); S1 two BasicBlocks of 8 channels at 32x32 (4 * 8,192), S2 one of
    // 16 at 16x16 (2 * 4,096), S3 one of 32 at 8x8 (2 * 2,048)
    NetworkGraph g = imported("cifar-basic");
    assertThat(g.stageRelus()).containsExactly(32_768, 8_192, 4_096);
    assertThat(GraphReductions.thinnedLayers(g, 1)).containsExactly(ReluAddress.of(1, 1, 1), ReluAddress.of(1, 2, 1));
    assertThat(Accounting.of(GraphReductions.thin(g, 1)).relus()).isEqualTo(53_248 - 16_384);
    assertThat(Accounting.of(GraphReductions.cull(g, 3)).relus()).isEqualTo(53_248 - 4_096);
    assertThat(Accounting.of(GraphReductions.cullStem(g)).relus()).isEqualTo(53_248 - 8_192);
  }

  @Test
  void aNetworkWithoutResidualBlocksIsStagedBySize() {
    // 16x16: the stem conv's ReLU (6*256 = 1,536); S1 16x16: c2's ReLU (8*256 = 2,048); S2 8x8: the max-pool
    // alone; S3 4x4: the ReLU of the branch sum (12*16 = 192), which ends block 1, and c4's (16*16 = 256)
    NetworkGraph g = imported("branch-net");
    assertThat(g.stageRelus()).containsExactly(2_048, 0, 448);
    assertThat(GraphReductions.stageLayers(g, 3)).extracting(ReluLayer::address)
        .containsExactly(ReluAddress.of(3, 1, 1), ReluAddress.of(3, 2, 1));
    // one ReLU per block: each is its block's anchor, so thinning keeps both
    assertThat(GraphReductions.thinnedLayers(g, 3)).isEmpty();
  }
}
