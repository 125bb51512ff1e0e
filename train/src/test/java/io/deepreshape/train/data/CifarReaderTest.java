package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
  private static final int IMG = 3072;

  @TempDir Path dir;

  /** Writes 5 training files of {@code perFile} images and a test file; returns all train pixels. */
  private byte[] writeCifar10(int perFile, byte[] trainLabels) throws IOException {
    byte[] pixels = DataFixtures.bytes(5 * perFile * IMG, 10);
    for (int f = 0; f < 5; f++) {
      byte[][] labels = new byte[perFile][];
      for (int i = 0; i < perFile; i++) {
        labels[i] = new byte[] {trainLabels[f * perFile + i]};
      }
      byte[] part = Arrays.copyOfRange(pixels, f * perFile * IMG, (f + 1) * perFile * IMG);
      DataFixtures.writeCifar(dir.resolve("data_batch_" + (f + 1) + ".bin"), labels, part, IMG);
    }
    DataFixtures.writeCifar(
        dir.resolve("test_batch.bin"),
        new byte[][] {{7}, {3}},
        DataFixtures.bytes(2 * IMG, 11),
        IMG);
    return pixels;
  }

  @Test
  void readsCifar10TrainAndTestExactly() throws IOException {
    byte[] labels = new byte[10];
    for (int i = 0; i < 10; i++) {
      labels[i] = (byte) (9 - i);
    }
    byte[] pixels = writeCifar10(2, labels);

    ImageDataset train = Datasets.open("cifar10", dir, Split.TRAIN);
    assertThat(train.name()).isEqualTo("cifar10/train");
    assertThat(train.size()).isEqualTo(10);
    assertThat(train.channels()).isEqualTo(3);
    assertThat(train.height()).isEqualTo(32);
    assertThat(train.width()).isEqualTo(32);
    assertThat(train.classes()).isEqualTo(10);
    assertThat(DataFixtures.allLabels(train)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(DataFixtures.allPixels(train)).isEqualTo(pixels);

    ImageDataset test = Datasets.open("cifar10", dir, Split.TEST);
    assertThat(DataFixtures.allLabels(test)).containsExactly(7, 3);
    byte[] img = new byte[IMG];
    test.copyImage(1, img, 0);
    assertThat(img).isEqualTo(Arrays.copyOfRange(DataFixtures.bytes(2 * IMG, 11), IMG, 2 * IMG));
  }

  @Test
  void findsTheUnpackedArchiveFolder() throws IOException {
    Path nested = dir.resolve(CifarReader.CIFAR10_FOLDER);
    Files.createDirectories(nested);
    DataFixtures.writeCifar(
        nested.resolve("test_batch.bin"), new byte[][] {{5}}, DataFixtures.bytes(IMG, 1), IMG);
    assertThat(Datasets.open("cifar10", dir, Split.TEST).label(0)).isEqualTo(5);
  }

  @Test
  void readsCifar100FineLabels() throws IOException {
    byte[] pixels = DataFixtures.bytes(3 * IMG, 20);
    DataFixtures.writeCifar(
        dir.resolve("train.bin"), new byte[][] {{1, 99}, {19, 0}, {4, 42}}, pixels, IMG);
    ImageDataset train = Datasets.open("cifar100", dir, Split.TRAIN);
    assertThat(train.classes()).isEqualTo(100);
    assertThat(DataFixtures.allLabels(train)).containsExactly(99, 0, 42);
    assertThat(DataFixtures.allPixels(train)).isEqualTo(pixels);
  }

  @Test
  void pixelLayoutIsRedThenGreenThenBlueRowMajor() throws IOException {
    byte[] pixels = new byte[IMG];
    pixels[0] = 10; // R at (0,0)
    pixels[1024 + 33] = 20; // G at (1,1)
    pixels[2048 + 1023] = 30; // B at (31,31)
    DataFixtures.writeCifar(dir.resolve("test.bin"), new byte[][] {{0, 1}}, pixels, IMG);
    ImageDataset ds = Datasets.open("cifar100", dir, Split.TEST);
    byte[] img = new byte[IMG];
    ds.copyImage(0, img, 0);
    assertThat(img[0]).isEqualTo((byte) 10);
    assertThat(img[32 * 32 + 32 + 1]).isEqualTo((byte) 20);
    assertThat(img[2 * 32 * 32 + 31 * 32 + 31]).isEqualTo((byte) 30);
  }

  @Test
  void truncatedRecordNamesFileAndOffset() throws IOException {
    Path f = dir.resolve("test_batch.bin");
    byte[] data = new byte[2 * 3073 + 100];
    Files.write(f, data);
    assertThatThrownBy(() -> Datasets.open("cifar10", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("truncated record 2")
        .hasMessageContaining("byte offset 6146");
  }

  @Test
  void labelOutOfRangeNamesFileRecordAndValue() throws IOException {
    DataFixtures.writeCifar(
        dir.resolve("test_batch.bin"),
        new byte[][] {{1}, {2}, {10}},
        DataFixtures.bytes(3 * IMG, 3),
        IMG);
    assertThatThrownBy(() -> Datasets.open("cifar10", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("test_batch.bin")
        .hasMessageContaining("label out of range in record 2")
        .hasMessageContaining(": 10,");
  }

  @Test
  void cifar100FineLabelOutOfRange() throws IOException {
    DataFixtures.writeCifar(
        dir.resolve("test.bin"), new byte[][] {{0, (byte) 200}}, DataFixtures.bytes(IMG, 3), IMG);
    assertThatThrownBy(() -> Datasets.open("cifar100", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("record 0")
        .hasMessageContaining("200");
  }

  @Test
  void missingFileAndFolderAreNamed() {
    assertThatThrownBy(() -> Datasets.open("cifar10", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing file")
        .hasMessageContaining("data_batch_1.bin");
    Path absent = dir.resolve("nope");
    assertThatThrownBy(() -> Datasets.open("cifar100", absent, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing folder " + absent);
  }

  @Test
  void errorsAreOneLine() throws IOException {
    Files.write(dir.resolve("test_batch.bin"), new byte[5]);
    assertThatThrownBy(() -> Datasets.open("cifar10", dir, Split.TEST))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
