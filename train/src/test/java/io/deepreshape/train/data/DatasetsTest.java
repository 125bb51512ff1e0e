package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  @Test
  void namesAreCanonicalised() {
    assertThat(Datasets.canonical("CIFAR10")).isEqualTo("cifar10");
    assertThat(Datasets.canonical("fashion_mnist")).isEqualTo("fashion-mnist");
    assertThat(Datasets.canonical("tiny-imagenet-200")).isEqualTo("tinyimagenet");
    assertThat(Datasets.NAMES)
        .containsExactly("cifar10", "cifar100", "tinyimagenet", "fashion-mnist", "synthetic");
    assertThatThrownBy(() -> Datasets.open("mnist", dir, Split.TRAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown dataset 'mnist'")
        .hasMessageContaining("fashion-mnist");
  }

  @Test
  void missingDataFolderForADatasetWithoutDefault() {
    assertThatThrownBy(() -> Datasets.open("cifar10", null, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no data folder given");
  }

  @Test
  void defaultsPerDataset() {
    assertThat(Datasets.augmentation("cifar100")).isEqualTo(new Augmentation(4, true));
    assertThat(Datasets.augmentation("fashion-mnist")).isEqualTo(new Augmentation(4, true));
    assertThat(Datasets.augmentation("synthetic")).isEqualTo(new Augmentation(4, false));
    assertThat(Normalization.defaults("cifar10").orElseThrow().mean())
        .containsExactly(0.4914f, 0.4822f, 0.4465f);
    assertThat(Normalization.defaults("fashion-mnist").orElseThrow().channels()).isEqualTo(1);
    assertThat(Normalization.defaults("synthetic")).isEmpty();
    ImageDataset synth = SyntheticDataset.render(SyntheticConfig.of(3, 30, 3, 1), Split.TRAIN);
    assertThat(Datasets.normalization("synthetic", synth)).isEqualTo(Normalization.compute(synth));
    assertThat(Datasets.normalization("cifar10", synth))
        .isEqualTo(Normalization.defaults("cifar10").orElseThrow());
  }

  @Test
  void firstNSubset() {
    ImageDataset ds = SyntheticDataset.render(SyntheticConfig.of(5, 50, 5, 2), Split.TRAIN);
    ImageDataset first = Subsets.first(ds, 7);
    assertThat(first.size()).isEqualTo(7);
    assertThat(first.name()).isEqualTo("synthetic/train[:7]");
    assertThat(DataFixtures.allLabels(first))
        .isEqualTo(IntStream.range(0, 7).map(ds::label).toArray());
    assertThat(DataFixtures.allPixels(first))
        .isEqualTo(java.util.Arrays.copyOf(DataFixtures.allPixels(ds), 7 * ds.imageBytes()));
    assertThat(Subsets.first(ds, 500)).isSameAs(ds);
  }

  @Test
  void randomSubsetIsDeterministicDistinctAndSorted() {
    ImageDataset ds = SyntheticDataset.render(SyntheticConfig.of(5, 200, 5, 2), Split.TRAIN);
    SubsetDataset a = (SubsetDataset) Subsets.random(ds, 50, 9);
    SubsetDataset b = (SubsetDataset) Subsets.random(ds, 50, 9);
    SubsetDataset c = (SubsetDataset) Subsets.random(ds, 50, 10);
    int[] ia = IntStream.range(0, 50).map(a::baseIndex).toArray();
    int[] ib = IntStream.range(0, 50).map(b::baseIndex).toArray();
    int[] ic = IntStream.range(0, 50).map(c::baseIndex).toArray();
    assertThat(ia).isEqualTo(ib).isSorted().doesNotHaveDuplicates().isNotEqualTo(ic);
    assertThat(ia[49]).isGreaterThan(49);
    for (int i = 0; i < 50; i++) {
      assertThat(a.label(i)).isEqualTo(ds.label(ia[i]));
    }
    byte[] x = new byte[ds.imageBytes()];
    byte[] y = new byte[ds.imageBytes()];
    a.copyImage(10, x, 0);
    ds.copyImage(ia[10], y, 0);
    assertThat(x).isEqualTo(y);
  }
}
