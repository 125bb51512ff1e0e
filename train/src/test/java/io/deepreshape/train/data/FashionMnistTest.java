package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @TempDir Path dir;

  private static final byte[] PIXELS = DataFixtures.bytes(3 * 28 * 28, 5);
  private static final byte[] LABELS = {3, 0, 9};

  private void writeSplit(String prefix, boolean gz, byte[] images, byte[] labels)
      throws IOException {
    String suffix = gz ? ".gz" : "";
    Files.write(
        dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gz ? DataFixtures.gzip(images) : images);
    Files.write(
        dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gz ? DataFixtures.gzip(labels) : labels);
  }

  private void writeGood(String prefix, boolean gz) throws IOException {
    writeSplit(
        prefix, gz, DataFixtures.idxImages(3, 28, 28, PIXELS), DataFixtures.idxLabels(LABELS));
  }

  @Test
  void readsGzippedIdxExactly() throws IOException {
    writeGood("train", true);
    ImageDataset ds = Datasets.open("fashion-mnist", dir, Split.TRAIN);
    assertThat(ds.name()).isEqualTo("fashion-mnist/train");
    assertThat(ds.size()).isEqualTo(3);
    assertThat(ds.channels()).isEqualTo(1);
    assertThat(ds.height()).isEqualTo(28);
    assertThat(ds.width()).isEqualTo(28);
    assertThat(ds.classes()).isEqualTo(10);
    assertThat(DataFixtures.allLabels(ds)).containsExactly(3, 0, 9);
    assertThat(DataFixtures.allPixels(ds)).isEqualTo(PIXELS);
  }

  @Test
  void readsPlainIdxExactly() throws IOException {
    writeGood("t10k", false);
    ImageDataset ds = Datasets.open("fashion-mnist", dir, Split.TEST);
    assertThat(ds.name()).isEqualTo("fashion-mnist/test");
    assertThat(DataFixtures.allLabels(ds)).containsExactly(3, 0, 9);
    assertThat(DataFixtures.allPixels(ds)).isEqualTo(PIXELS);
  }

  @Test
  void readsNonSquareImages() throws IOException {
    Path img = dir.resolve("img");
    Files.write(img, DataFixtures.idxImages(2, 3, 5, Arrays.copyOf(PIXELS, 30)));
    IdxReader.Images images = IdxReader.readImages(img);
    assertThat(images.count()).isEqualTo(2);
    assertThat(images.rows()).isEqualTo(3);
    assertThat(images.cols()).isEqualTo(5);
    assertThat(images.pixels()).isEqualTo(Arrays.copyOf(PIXELS, 30));
  }

  @Test
  void badMagicNumber() throws IOException {
    byte[] images = DataFixtures.idxImages(3, 28, 28, PIXELS);
    images[3] = 0x01;
    writeSplit("train", true, images, DataFixtures.idxLabels(LABELS));
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz")
        .hasMessageContaining("bad IDX magic number 0x00000801, expected 0x00000803");
  }

  @Test
  void labelFileWithImageMagic() throws IOException {
    byte[] labels = DataFixtures.idxLabels(LABELS);
    labels[3] = 0x03;
    writeSplit("train", false, DataFixtures.idxImages(3, 28, 28, PIXELS), labels);
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-labels-idx1-ubyte")
        .hasMessageContaining("bad IDX magic number 0x00000803, expected 0x00000801");
  }

  @Test
  void truncatedImagesGiveFileAndOffset() throws IOException {
    byte[] images = DataFixtures.idxImages(3, 28, 28, PIXELS);
    writeSplit(
        "train", true, Arrays.copyOf(images, images.length - 10), DataFixtures.idxLabels(LABELS));
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz")
        .hasMessageContaining("truncated data at byte offset " + (16 + 3 * 784 - 10));
  }

  @Test
  void truncatedLabels() throws IOException {
    byte[] labels = DataFixtures.idxLabels(LABELS);
    writeSplit(
        "t10k", false, DataFixtures.idxImages(3, 28, 28, PIXELS), Arrays.copyOf(labels, 9));
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte")
        .hasMessageContaining("truncated data at byte offset 9");
  }

  @Test
  void countMismatch() throws IOException {
    writeSplit(
        "train",
        true,
        DataFixtures.idxImages(3, 28, 28, PIXELS),
        DataFixtures.idxLabels(new byte[] {1, 2}));
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("image and label counts differ")
        .hasMessageContaining("holds 3 images")
        .hasMessageContaining("holds 2 labels");
  }

  @Test
  void labelOutOfRange() throws IOException {
    writeSplit(
        "train",
        true,
        DataFixtures.idxImages(3, 28, 28, PIXELS),
        DataFixtures.idxLabels(new byte[] {1, 12, 2}));
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-labels-idx1-ubyte.gz")
        .hasMessageContaining("label out of range at index 1")
        .hasMessageContaining(": 12,");
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    byte[] labels = DataFixtures.idxLabels(LABELS);
    byte[] longer = ByteBuffer.allocate(labels.length + 1).put(labels).put((byte) 1).array();
    writeSplit("train", false, DataFixtures.idxImages(3, 28, 28, PIXELS), longer);
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("trailing data at byte offset 11");
  }

  @Test
  void missingFilesSayHowToInstall() {
    assertThatThrownBy(() -> Datasets.open("fashion-mnist", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-images-idx3-ubyte.gz")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    assertThatThrownBy(() -> FashionMnist.open(dir.resolve("absent"), Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing folder")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    assertThat(FashionMnist.isPresent(dir)).isFalse();
  }

  @Test
  void defaultFolderIsTheDebianPackages() {
    assertThat(Datasets.defaultDataDir("fashion-mnist")).contains(FashionMnist.DEFAULT_DIR);
    assertThat(Datasets.defaultDataDir("cifar10")).isEmpty();
  }
}
