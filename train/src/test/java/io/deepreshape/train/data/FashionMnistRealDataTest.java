package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Reads the real Fashion-MNIST files of the Debian package when installed. Expected values come
 * from an independent read with Python's gzip module.
 */
class FashionMnistRealDataTest {
  @Test
  void readsTheInstalledPackage() {
    assumeTrue(
        FashionMnist.isPresent(null),
        "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist): skipping real-data test");
    ImageDataset train = Datasets.open("fashion-mnist", null, Split.TRAIN);
    ImageDataset test = Datasets.open("fashion-mnist", null, Split.TEST);
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(test.size()).isEqualTo(10_000);
    assertThat(train.classes()).isEqualTo(10);
    assertThat(train.channels()).isEqualTo(1);
    assertThat(train.height()).isEqualTo(28);
    // First labels, read independently: python3 gzip.open(...).read()[8:18].
    assertThat(DataFixtures.allLabels(Subsets.first(test, 10)))
        .containsExactly(9, 2, 1, 1, 6, 1, 4, 6, 5, 7);
    assertThat(DataFixtures.allLabels(Subsets.first(train, 10)))
        .containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
    byte[] img = new byte[784];
    test.copyImage(0, img, 0);
    int sum = 0;
    for (byte b : img) {
      sum += b & 0xff;
    }
    assertThat(sum).isEqualTo(33456);
    int[] perClass = new int[10];
    for (int i = 0; i < train.size(); i++) {
      perClass[train.label(i)]++;
    }
    assertThat(perClass).containsOnly(6000);
    Normalization computed = Normalization.compute(train);
    Normalization known = Normalization.defaults("fashion-mnist").orElseThrow();
    assertThat(computed.mean()[0]).isCloseTo(known.mean()[0], offset(1e-3f));
    assertThat(computed.std()[0]).isCloseTo(known.std()[0], offset(1e-3f));
  }
}
