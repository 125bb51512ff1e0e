package io.deepreshape.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real images the demo ships: readable as Fashion-MNIST anywhere, every class present, the licence beside them. */
class DemoDataTest {
  @TempDir
  Path dir;

  @Test
  void theShippedSubsetIsRealFashionMnistWithItsLicence() throws Exception {
    Path data = DemoData.extract(dir.resolve("fm"));
    ImageDataset train = FashionMnist.open(data, Split.TRAIN);
    ImageDataset test = FashionMnist.open(data, Split.TEST);
    assertThat(train.size()).isEqualTo(DemoData.TRAIN);
    assertThat(test.size()).isEqualTo(DemoData.TEST);
    int[] perClass = new int[10];
    for (int i = 0; i < train.size(); i++) {
      perClass[train.label(i)]++;
    }
    // a uniform random subset of a balanced set: every class near a tenth
    assertThat(Arrays.stream(perClass).min().orElseThrow()).isGreaterThan(400);
    assertThat(Arrays.stream(perClass).max().orElseThrow()).isLessThan(600);
    assertThat(Files.readString(data.resolve("LICENSE.txt"))).contains("Zalando SE").contains("MIT");
    // the demo's pipeline validates with this data and holds out its validation split
    PipelineConfig demo = DemoCommand.config("fashion-mnist", data.toString());
    assertThat(demo.validation()).isLessThan(DemoData.TRAIN);
    assertThat(demo.seeds()).hasSizeGreaterThan(1);
    assertThat(demo.latency()).isEqualTo("measured");
  }
}
