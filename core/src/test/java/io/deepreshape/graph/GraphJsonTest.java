package io.deepreshape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A graph written as JSON and read back (what an imported run keeps and a server announces) is the same network. */
class GraphJsonTest {
  @ParameterizedTest
  @ValueSource(strings = {"resnet18", "resnet50", "wrn-16-2", "resnet20"})
  void aGraphReadBackCountsAlikeAndWritesTheSameJson(String preset) {
    NetworkGraph g = NetworkGraph.of(Presets.build(preset, Dataset.parse(preset.startsWith("resnet2") ? "cifar10"
        : "imagenet")));
    NetworkGraph back = GraphJson.parse(GraphJson.toTree(g));
    assertThat(back.spec()).isEmpty();
    assertThat(GraphJson.toJson(back)).isEqualTo(GraphJson.toJson(g));
    NetworkCost a = Accounting.of(g);
    NetworkCost b = Accounting.of(back);
    assertThat(b.relus()).isEqualTo(a.relus());
    assertThat(b.macs()).isEqualTo(a.macs());
    assertThat(b.params()).isEqualTo(a.params());
    assertThat(b.stages()).isEqualTo(a.stages());
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet20"})
  void reluModesOfAnImportedGraphAreCountedAndKept(String preset) {
    NetworkGraph back = GraphJson.parse(GraphJson.toTree(NetworkGraph.of(Presets.build(preset, Dataset.parse("cifar10")))));
    ReluAddress a = ReluAddress.of(1, 1, 1);
    NetworkGraph culled = back.withReluModes(Map.of(a, ReluMode.IDENTITY));
    // resnet20's s1.b1.r1 is 16 x 32 x 32
    assertThat(Accounting.of(back).relus() - Accounting.of(culled).relus()).isEqualTo(16 * 32 * 32);
    assertThat(Accounting.of(GraphJson.parse(GraphJson.toTree(culled))).relus()).isEqualTo(Accounting.of(culled).relus());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 10})
  void aNodeWhoseShapeDoesNotFitItsInputIsRefused(int node) {
    ObjectNode tree = GraphJson.toTree(NetworkGraph.of(Presets.build("resnet20", Dataset.parse("cifar10"))));
    ObjectNode n = (ObjectNode) tree.get("nodes").get(node);
    n.putArray("in").add(7).add(32).add(32);
    assertThatThrownBy(() -> GraphJson.parse(tree)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("graph node " + node).hasMessageContaining("7x32x32");
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 4})
  void aGroupedConvolutionCountsItsGroupsAndIsKept(int groups) {
    // resnet20's node 3 is s1.b1.conv1, 16 -> 16 channels, 3x3 at 32x32: 16 * 16 * 9 * 1024 MACs in one group,
    // 16 / groups * 16 * 9 * 1024 in groups (a depthwise convolution at 16)
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet20", Dataset.parse("cifar10")));
    ObjectNode tree = GraphJson.toTree(g);
    ((ObjectNode) tree.get("nodes").get(3)).put("groups", groups);
    NetworkGraph back = GraphJson.parse(tree);
    long dense = 16L * 16 * 9 * 1024;
    assertThat(Accounting.of(back).macs()).isEqualTo(Accounting.of(g).macs() - dense + dense / groups);
    assertThat(Accounting.of(back).params()).isEqualTo(Accounting.of(g).params() - 16 * 16 * 9 + 16 * 16 * 9 / groups);
    assertThat(GraphJson.toTree(back).get("nodes").get(3).get("groups").asInt()).isEqualTo(groups);
    ((ObjectNode) tree.get("nodes").get(3)).put("groups", 3);
    assertThatThrownBy(() -> GraphJson.parse(tree)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 groups do not divide its 16 input and 16 output channels");
  }
}
