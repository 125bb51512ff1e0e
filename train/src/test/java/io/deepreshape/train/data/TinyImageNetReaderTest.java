package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyImageNetReaderTest {
  @TempDir Path dir;
  private Path root;

  /** Three classes, two training images each, three validation images. */
  @BeforeEach
  void writeTree() throws IOException {
    root = dir.resolve(TinyImageNetReader.FOLDER);
    Files.createDirectories(root);
    List<String> wnids = List.of("n01443537", "n01629819", "n01641577");
    Files.write(root.resolve("wnids.txt"), wnids);
    int seed = 0;
    for (String wnid : wnids) {
      for (int i = 0; i < 2; i++) {
        DataFixtures.writeJpeg(
            root.resolve("train/" + wnid + "/images/" + wnid + "_" + i + ".JPEG"),
            DataFixtures.quadrants(64, seed++));
      }
    }
    for (int i = 0; i < 3; i++) {
      DataFixtures.writeJpeg(
          root.resolve("val/images/val_" + i + ".JPEG"), DataFixtures.quadrants(64, 100 + i));
    }
    BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(5, 7, 0, 200);
    DataFixtures.writeJpeg(root.resolve("val/images/val_3.JPEG"), grey);
    Files.write(
        root.resolve("val/val_annotations.txt"),
        List.of(
            "val_0.JPEG\tn01641577\t0\t0\t63\t63",
            "val_1.JPEG\tn01443537\t1\t2\t30\t40",
            "val_2.JPEG\tn01629819\t0\t0\t10\t10",
            "val_3.JPEG\tn01443537\t0\t0\t10\t10"));
  }

  @Test
  void readsTrainingImagesInWnidOrder() throws IOException {
    ImageDataset ds = Datasets.open("tinyimagenet", dir, Split.TRAIN);
    assertThat(ds.name()).isEqualTo("tinyimagenet/train");
    assertThat(ds.size()).isEqualTo(6);
    assertThat(ds.classes()).isEqualTo(3);
    assertThat(ds.channels()).isEqualTo(3);
    assertThat(ds.height()).isEqualTo(64);
    assertThat(ds.width()).isEqualTo(64);
    assertThat(DataFixtures.allLabels(ds)).containsExactly(0, 0, 1, 1, 2, 2);
    byte[] img = new byte[ds.imageBytes()];
    ds.copyImage(3, img, 0);
    assertThat(img)
        .isEqualTo(DataFixtures.decodedChw(root.resolve("train/n01629819/images/n01629819_1.JPEG")));
  }

  @Test
  void decodedPixelsAreCloseToTheWrittenImage() {
    ImageDataset ds = Datasets.open("tinyimagenet", root, Split.TRAIN);
    BufferedImage original = DataFixtures.quadrants(64, 0);
    byte[] img = new byte[ds.imageBytes()];
    ds.copyImage(0, img, 0);
    int rgb = original.getRGB(10, 50);
    int p = 50 * 64 + 10;
    assertThat(img[p] & 0xff).isCloseTo((rgb >> 16) & 0xff, org.assertj.core.data.Offset.offset(12));
    assertThat(img[4096 + p] & 0xff).isCloseTo((rgb >> 8) & 0xff, org.assertj.core.data.Offset.offset(12));
    assertThat(img[8192 + p] & 0xff).isCloseTo(rgb & 0xff, org.assertj.core.data.Offset.offset(12));
  }

  @Test
  void readsValidationAsTestSplit() throws IOException {
    ImageDataset ds = Datasets.open("tinyimagenet", dir, Split.TEST);
    assertThat(ds.name()).isEqualTo("tinyimagenet/test");
    assertThat(DataFixtures.allLabels(ds)).containsExactly(2, 0, 1, 0);
    byte[] img = new byte[ds.imageBytes()];
    ds.copyImage(1, img, 0);
    assertThat(img).isEqualTo(DataFixtures.decodedChw(root.resolve("val/images/val_1.JPEG")));
    ds.copyImage(3, img, 0);
    // A greyscale JPEG becomes three equal channels.
    assertThat(Arrays.copyOfRange(img, 0, 4096)).isEqualTo(Arrays.copyOfRange(img, 4096, 8192));
    assertThat(Arrays.copyOfRange(img, 0, 4096)).isEqualTo(Arrays.copyOfRange(img, 8192, 12288));
  }

  @Test
  void undecodableJpegNamesTheEntry() throws IOException {
    Path bad = root.resolve("val/images/val_2.JPEG");
    Files.write(bad, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("undecodable JPEG " + bad);
  }

  @Test
  void notAnImageAtAll() throws IOException {
    Path bad = root.resolve("train/n01443537/images/n01443537_1.JPEG");
    Files.writeString(bad, "hello");
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("undecodable JPEG " + bad);
  }

  @Test
  void wrongImageSize() throws IOException {
    Path bad = root.resolve("val/images/val_0.JPEG");
    DataFixtures.writeJpeg(bad, DataFixtures.quadrants(32, 1));
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("32x32, expected 64x64");
  }

  @Test
  void annotationWithUnknownWnid() throws IOException {
    Files.write(
        root.resolve("val/val_annotations.txt"),
        List.of("val_0.JPEG\tn01641577\t0\t0\t63\t63", "val_1.JPEG\tn99999999\t1\t2\t30\t40"));
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("val_annotations.txt: line 2: missing wnid n99999999");
  }

  @Test
  void wnidWithoutTrainingFolder() throws IOException {
    Files.write(root.resolve("wnids.txt"), List.of("n01443537", "n02000000"));
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing wnid folder")
        .hasMessageContaining("n02000000");
  }

  @Test
  void annotatedImageMissing() throws IOException {
    Files.delete(root.resolve("val/images/val_1.JPEG"));
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TEST))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing image file")
        .hasMessageContaining("val_1.JPEG");
  }

  @Test
  void missingWnidsFile() throws IOException {
    Files.delete(root.resolve("wnids.txt"));
    assertThatThrownBy(() -> Datasets.open("tinyimagenet", dir, Split.TRAIN))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing file")
        .hasMessageContaining("wnids.txt");
  }
}
