package io.deepreshape.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The graph's wiring, its addresses and its passes, against counts worked out by hand. */
class NetworkGraphTest {
  static final List<String> PRESETS = List.of("resnet18", "resnet50", "resnet20", "wrn-16-4", "wrn-16-1", "wrn-22-8",
      "basech:16", "stagech:16,2", "hybrenet:8,3,3,2");

  static List<NetworkSpec> everyPresetOnEveryDataset() {
    List<NetworkSpec> out = new ArrayList<>();
    for (String p : PRESETS) {
      for (Dataset d : Dataset.values()) {
        out.add(Presets.build(p, d));
      }
    }
    return out;
  }

  @Test
  void everyNodeReadsTheShapeItsInputWrites() {
    for (NetworkSpec spec : everyPresetOnEveryDataset()) {
      NetworkGraph g = NetworkGraph.of(spec);
      Shape image = new Shape(spec.input().channels(), spec.input().height(), spec.input().width());
      for (Node n : g.nodes()) {
        Shape in = n.input() < 0 ? image : g.node(n.input()).out();
        if (n instanceof FlattenNode || n instanceof FcNode) {
          assertThat(n.in().elements()).as(spec.name() + " " + n.address()).isEqualTo(in.elements());
        } else {
          assertThat(n.in()).as(spec.name() + " " + n.address()).isEqualTo(in);
        }
        if (n instanceof AddNode a) {
          Shape sc = a.shortcut() < 0 ? image : g.node(a.shortcut()).out();
          assertThat(sc).as(spec.name() + " " + n.address() + " shortcut").isEqualTo(a.shape());
        }
      }
      assertThat(g.output().out().channels()).isEqualTo(spec.input().classes());
    }
  }

  @Test
  void reluAddressesAreTheSpecsAndUnique() {
    NetworkSpec spec = Presets.build("resnet18", Dataset.CIFAR100);
    Set<String> seen = new HashSet<>();
    NetworkGraph g = NetworkGraph.of(spec);
    for (var r : g.reluLayers()) {
      assertThat(seen.add(r.address().toString())).isTrue();
      assertThat(ReluAddress.parse(r.address().toString(), "x")).isEqualTo(r.address());
    }
    // stem + 8 blocks x 2
    assertThat(seen).hasSize(17).contains("stem", "s1.b1.r1", "s4.b2.r2");
    assertThat(NetworkGraph.of(Presets.build("wrn-16-4", Dataset.CIFAR10)).reluLayers().get(0).address().toString())
        .isEqualTo("s1.b1.r1");
  }

  @Test
  void resnetBatchNormsAllFoldAndNeedNoTruncation() {
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet50", Dataset.IMAGENET));
    boolean[] folded = BatchNormFolding.folded(g);
    for (Node n : g.nodes()) {
      if (n instanceof BatchNormNode) {
        assertThat(folded[n.id()]).as(n.address()).isTrue();
      }
    }
    assertThat(Truncations.insert(g).size()).isEqualTo(g.size());
  }

  @Test
  void wideResNetTruncatesItsStemAndEverySum() {
    // wrn-16-4 on CIFAR: stem 16x32x32, sums 2 x 64x32x32, 2 x 128x16x16, 2 x 256x8x8
    NetworkGraph g = NetworkGraph.of(Presets.build("wrn-16-4", Dataset.CIFAR10));
    NetworkGraph t = Truncations.insert(g);
    long truncated = 0;
    List<String> names = new ArrayList<>();
    for (Node n : t.nodes()) {
      if (n instanceof TruncationNode tn) {
        truncated += tn.shape().elements();
        names.add(tn.address());
        assertThat(t.node(tn.input()).address() + ".trunc").isEqualTo(tn.address());
      }
    }
    assertThat(truncated).isEqualTo(16L * 32 * 32 + 2L * 64 * 32 * 32 + 2L * 128 * 16 * 16 + 2L * 256 * 8 * 8)
        .isEqualTo(245_760);
    assertThat(names).containsExactly("stem.conv.trunc", "s1.b1.add.trunc", "s1.b2.add.trunc", "s2.b1.add.trunc",
        "s2.b2.add.trunc", "s3.b1.add.trunc", "s3.b2.add.trunc");
    // each block's bn1 and the head's stay affine layers; bn2 folds into conv1
    boolean[] folded = BatchNormFolding.folded(g);
    long affine = g.nodes().stream().filter(n -> n instanceof BatchNormNode && !folded[n.id()]).count();
    assertThat(affine).isEqualTo(6 + 1);
    // nothing reads a wide value but a ReLU, a truncation, a fold or a sum of linear layers
    assertThat(Truncations.points(t)).doesNotContain(true);
  }

  @Test
  void imagenetStemMaxPoolWindowsCountTheirElements() {
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet18", Dataset.IMAGENET));
    MaxPoolNode p = (MaxPoolNode) g.nodes().stream().filter(n -> n instanceof MaxPoolNode).findFirst().orElseThrow();
    assertThat(p.in()).isEqualTo(new Shape(64, 112, 112));
    assertThat(p.out()).isEqualTo(new Shape(64, 56, 56));
    // windows of 3 rows and columns, clipped to 2 at the top and left edge only (112 is even)
    long perSide = 2 + 3L * 55;
    assertThat(EnginePlan.windowInputs(p)).isEqualTo(64 * perSide * perSide);
    GarbledCounts gc = EnginePlan.of(g, 4096).garbled();
    assertThat(gc.poolWindows()).isEqualTo(64L * 56 * 56);
    assertThat(gc.poolComparisons()).isEqualTo(64 * perSide * perSide - 64L * 56 * 56);
  }

  @Test
  void classifierFoldsTheAveragePool() {
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet18", Dataset.CIFAR100));
    PoolFolding f = PoolFolding.of(g, (FcNode) g.output());
    assertThat(f.map()).isEqualTo(new Shape(512, 4, 4));
    assertThat(f.window()).isEqualTo(16);
    assertThat(g.node(f.source())).isInstanceOf(ReluNode.class);
  }

  @Test
  void reuseCircuitsGroupChannels() {
    // 10 channels in groups of 4: two of 4 and one of 2 at each of 3x3 positions
    var l = new ReluLayer(ReluAddress.of(1, 1, 1), new ReluMode.Reuse(4), 1,
        10, 3, 3);
    GarbledCounts c = GarbledCounts.of(l);
    assertThat(c.relus()).isEqualTo(3 * 9);
    assertThat(c.reuseGroups()).isEqualTo(3 * 9);
    assertThat(c.reluElements()).isEqualTo(90);
    // 9 channels in groups of 4: the last group of one is a ReLU circuit
    GarbledCounts d = GarbledCounts.of(new ReluLayer(ReluAddress.of(1, 1, 1),
        new ReluMode.Reuse(4), 1, 9, 3, 3));
    assertThat(d.relus()).isEqualTo(27);
    assertThat(d.reuseGroups()).isEqualTo(18);
  }
}
