package io.deepreshape.train.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecIo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SNL binarisation: the budget's largest masks, exactly the budget when the channel sizes allow it. */
class SnlSelectionTest {
  static final NetworkSpec NET = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC);

  static Map<ReluAddress, ReluLayer> layers() {
    List<ReluLayer> all = NetworkGraph.of(NET).reluLayers();
    Map<ReluAddress, ReluLayer> out = new LinkedHashMap<>();
    all.forEach(l -> out.put(l.address(), l));
    return out;
  }

  static Map<ReluAddress, float[]> randomAlphas(Map<ReluAddress, ReluLayer> layers, long seed) {
    Random r = new Random(seed);
    Map<ReluAddress, float[]> out = new LinkedHashMap<>();
    for (ReluLayer l : layers.values()) {
      float[] a = new float[l.channels()];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextFloat();
      }
      out.put(l.address(), a);
    }
    return out;
  }

  @Test
  void landsExactlyOnAReachableBudgetAndTheSpecCountsIt() {
    Map<ReluAddress, ReluLayer> layers = layers();
    for (long budget : new long[] {10_000, 20_000, 3_344}) {
      SnlSelection.Result r = SnlSelection.select(NET, layers, randomAlphas(layers, budget), budget);
      assertThat(r.relus()).isEqualTo(budget);
      assertThat(r.exact()).isTrue();
      assertThat(Accounting.of(r.spec()).relus()).isEqualTo(budget);
      // partial:channels= modes survive the spec's text form, so analyze counts the same
      assertThat(Accounting.of(SpecIo.parse(SpecIo.toYaml(r.spec()), false)).relus()).isEqualTo(budget);
    }
  }

  @Test
  void keepsTheLargestMasks() {
    Map<ReluAddress, ReluLayer> layers = layers();
    Map<ReluAddress, float[]> alphas = new LinkedHashMap<>();
    layers.forEach((a, l) -> alphas.put(a, new float[l.channels()]));
    // S4's first layer: channels 0-9 large, the rest 0; everything else 0
    ReluAddress s4 = ReluAddress.of(4, 1, 1);
    for (int c = 0; c < 10; c++) {
      alphas.get(s4)[c] = 0.9f;
    }
    SnlSelection.Result r = SnlSelection.select(NET, layers, alphas, 160);
    assertThat(r.relus()).isEqualTo(160);
    assertThat(r.spec().reluMode(s4).text()).isEqualTo("partial:channels=0-9");
    assertThat(r.spec().reluMode(ReluAddress.STEM)).isEqualTo(ReluMode.IDENTITY);
  }

  @Test
  void anUnreachableBudgetGivesTheLargestCountBelowIt() {
    Map<ReluAddress, ReluLayer> layers = layers();
    // every layer costs a multiple of 16 ReLUs per channel
    SnlSelection.Result r = SnlSelection.select(NET, layers, randomAlphas(layers, 7), 10_008);
    assertThat(r.relus()).isEqualTo(10_000);
    assertThat(r.exact()).isFalse();
  }
}
