package io.deepreshape.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Culling, thinning and reuse read from a graph's own stages and blocks give, on a spec's graph, the
 * spec operators' networks ({@link Reductions}, which know each block type's positions by name), for
 * every block type: the graph rule finds BasicBlock r1, Bottleneck r2 and wide r2 by the wiring alone.
 */
class GraphReductionsTest {
  static Stream<NetworkSpec> networks() {
    return Stream.of(Presets.build("resnet18", Dataset.CIFAR100), Presets.build("resnet50", Dataset.CIFAR100),
        Presets.build("wrn-16-2", Dataset.CIFAR10), Presets.build("resnet18", Dataset.IMAGENET));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void thinningAndCullingEveryStageMatchTheSpecOperators(NetworkSpec spec) {
    NetworkGraph g = NetworkGraph.of(spec);
    for (int s = 1; s <= spec.depth(); s++) {
      NetworkSpec thinned = Reductions.thin(spec, s);
      assertThat(GraphReductions.thin(g, s).spec()).as("thin S%d", s).contains(thinned);
      assertThat(Accounting.of(GraphReductions.thin(g, s)).relus()).isEqualTo(Accounting.of(thinned).relus());
      assertThat(GraphReductions.cull(g, s).spec()).as("cull S%d", s).contains(Reductions.cull(spec, s));
    }
    if (spec.hasRelu(ReluAddress.STEM)) {
      assertThat(GraphReductions.cullStem(g).spec()).contains(Reductions.cullStem(spec));
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void reuseOnAStageMatchesTheSpecOperator(NetworkSpec spec) {
    NetworkGraph g = NetworkGraph.of(spec);
    NetworkSpec reference = Reductions.reuseStage(Reductions.thin(spec, 2), 2, 4);
    NetworkGraph thinned = GraphReductions.thin(g, 2);
    List<ReluLayer> live = GraphReductions.liveLayers(thinned, 2);
    assertThat(live).allSatisfy(l -> assertThat(l.channels()).isGreaterThanOrEqualTo(4));
    assertThat(GraphReductions.reuse(thinned, live, 4).spec()).contains(reference);
  }

  @ParameterizedTest
  @MethodSource("networks")
  void stageLayersAreTheSpecsAddressesOfThatStage(NetworkSpec spec) {
    NetworkGraph g = NetworkGraph.of(spec);
    for (int s = 1; s <= spec.depth(); s++) {
      assertThat(GraphReductions.stageLayers(g, s)).extracting(ReluLayer::address)
          .containsExactlyElementsOf(Reductions.stageAddresses(spec, s));
    }
    assertThat(GraphReductions.stemLayer(g) != null).isEqualTo(spec.hasRelu(ReluAddress.STEM));
    NetworkGraph partial = g.withReluModes(Map.of(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY));
    assertThat(GraphReductions.liveLayers(partial, 1)).extracting(ReluLayer::address)
        .containsExactlyElementsOf(Reductions.liveAddresses(partial.spec().orElseThrow(), 1));
  }
}
