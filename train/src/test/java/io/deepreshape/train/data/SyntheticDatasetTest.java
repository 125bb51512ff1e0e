package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesSameBytesAndOtherSeedDiffers() throws IOException {
    SyntheticConfig cfg = SyntheticConfig.of(10, 200, 50, 7);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    SyntheticDataset.generate(cfg, a);
    SyntheticDataset.generate(cfg, b);
    SyntheticDataset.generate(SyntheticConfig.of(10, 200, 50, 8), c);
    for (String f : new String[] {SyntheticDataset.TRAIN_FILE, SyntheticDataset.TEST_FILE}) {
      byte[] x = Files.readAllBytes(a.resolve(f));
      assertThat(x).isEqualTo(Files.readAllBytes(b.resolve(f)));
      assertThat(x).isNotEqualTo(Files.readAllBytes(c.resolve(f)));
    }
    assertThat(Files.size(a.resolve(SyntheticDataset.TRAIN_FILE))).isEqualTo(200L * 3073);
    assertThat(Files.size(a.resolve(SyntheticDataset.TEST_FILE))).isEqualTo(50L * 3073);
  }

  @Test
  void writtenFolderReadsBackAsRendered() {
    SyntheticConfig cfg = new SyntheticConfig(5, 60, 20, 16, 3);
    SyntheticDataset.generate(cfg, dir);
    assertThat(SyntheticDataset.readConfig(dir)).isEqualTo(cfg);
    for (Split split : Split.values()) {
      ImageDataset read = Datasets.open("synthetic", dir, split);
      ImageDataset rendered = SyntheticDataset.render(cfg, split);
      assertThat(read.name()).isEqualTo("synthetic/" + split.label());
      assertThat(read.height()).isEqualTo(16);
      assertThat(read.width()).isEqualTo(16);
      assertThat(read.classes()).isEqualTo(5);
      assertThat(read.size()).isEqualTo(split == Split.TRAIN ? 60 : 20);
      assertThat(DataFixtures.allPixels(read)).isEqualTo(DataFixtures.allPixels(rendered));
      assertThat(DataFixtures.allLabels(read)).isEqualTo(DataFixtures.allLabels(rendered));
    }
  }

  @Test
  void classesAreBalanced() {
    ImageDataset ds = SyntheticDataset.render(SyntheticConfig.of(10, 1000, 100, 1), Split.TRAIN);
    int[] counts = new int[10];
    for (int i = 0; i < ds.size(); i++) {
      counts[ds.label(i)]++;
    }
    assertThat(counts).containsOnly(100);
    assertThat(DataFixtures.allLabels(Subsets.first(ds, 20))).isNotEqualTo(
        new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  }

  @Test
  void classMeansDifferAndNearestMeanBeatsChance() {
    SyntheticConfig cfg = SyntheticConfig.of(10, 2000, 1000, 11);
    ImageDataset train = SyntheticDataset.render(cfg, Split.TRAIN);
    ImageDataset test = SyntheticDataset.render(cfg, Split.TEST);
    int n = train.imageBytes();
    double[][] mean = new double[10][n];
    int[] count = new int[10];
    byte[] img = new byte[n];
    for (int i = 0; i < train.size(); i++) {
      train.copyImage(i, img, 0);
      int k = train.label(i);
      count[k]++;
      for (int p = 0; p < n; p++) {
        mean[k][p] += img[p] & 0xff;
      }
    }
    for (int k = 0; k < 10; k++) {
      for (int p = 0; p < n; p++) {
        mean[k][p] /= count[k];
      }
    }
    double minDistance = Double.MAX_VALUE;
    for (int a = 0; a < 10; a++) {
      for (int b = a + 1; b < 10; b++) {
        double d = 0;
        for (int p = 0; p < n; p++) {
          d += Math.abs(mean[a][p] - mean[b][p]);
        }
        minDistance = Math.min(minDistance, d / n);
      }
    }
    // Mean absolute difference between any two class-mean images, in grey levels.
    assertThat(minDistance).isGreaterThan(8.0);
    int correct = 0;
    for (int i = 0; i < test.size(); i++) {
      test.copyImage(i, img, 0);
      int best = -1;
      double bestD = Double.MAX_VALUE;
      for (int k = 0; k < 10; k++) {
        double d = 0;
        for (int p = 0; p < n; p++) {
          double e = (img[p] & 0xff) - mean[k][p];
          d += e * e;
        }
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      if (best == test.label(i)) {
        correct++;
      }
    }
    double accuracy = correct / (double) test.size();
    System.out.printf("synthetic: min class-mean distance %.1f, nearest-mean accuracy %.3f%n",
        minDistance, accuracy);
    // Well above chance (0.1) for a template matcher, yet far from perfect: a CNN has work to do.
    assertThat(accuracy).isBetween(0.3, 0.97);
  }

  @Test
  void missingMetaOrFilesAreNamed() throws IOException {
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing file")
        .hasMessageContaining("meta.json");
    SyntheticDataset.generate(SyntheticConfig.of(3, 10, 5, 1), dir);
    Files.delete(dir.resolve(SyntheticDataset.TEST_FILE));
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing file")
        .hasMessageContaining("test_batch.bin");
  }

  @Test
  void countDisagreeingWithMetaIsAnError() throws IOException {
    SyntheticDataset.generate(SyntheticConfig.of(3, 10, 5, 1), dir);
    Path train = dir.resolve(SyntheticDataset.TRAIN_FILE);
    byte[] data = Files.readAllBytes(train);
    Files.write(train, Arrays.copyOf(data, data.length - 3073));
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("holds 9 images, meta.json says 10");
    Files.write(train, Arrays.copyOf(data, data.length - 5));
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("truncated record 9 at byte offset " + 9 * 3073);
  }

  @Test
  void labelBeyondMetaClassesIsAnError() throws IOException {
    SyntheticDataset.generate(SyntheticConfig.of(3, 10, 5, 1), dir);
    Path test = dir.resolve(SyntheticDataset.TEST_FILE);
    byte[] data = Files.readAllBytes(test);
    data[2 * 3073] = 3;
    Files.write(test, data);
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("test_batch.bin: label out of range in record 2");
  }

  @Test
  void badMetaIsAnError() throws IOException {
    SyntheticDataset.generate(SyntheticConfig.of(3, 10, 5, 1), dir);
    Files.writeString(dir.resolve("meta.json"), "{\"format\": \"deepreshape-synthetic\", \"classes\": 3}");
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("meta.json: missing or non-integer field 'train'");
    Files.writeString(dir.resolve("meta.json"), "{not json");
    assertThatThrownBy(() -> Datasets.open("synthetic", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("meta.json: not valid JSON")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
