package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {
  /** 103 images of 3x8x8 whose first pixel encodes the index; labels index % 10. */
  private static ImageDataset indexed(int n) {
    int imageBytes = 3 * 8 * 8;
    byte[] pixels = DataFixtures.bytes(n * imageBytes, 42);
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      pixels[i * imageBytes] = (byte) i;
      labels[i] = (byte) (i % 10);
    }
    return new ByteImageDataset("indexed", 3, 8, 8, 10, pixels, labels);
  }

  private static List<HostBatch> all(BatchIterator it) {
    List<HostBatch> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static final Normalization UNIT = Normalization.unit(3);

  /** Image indices recovered from the unnormalised first pixel of each image. */
  private static int[] indices(List<HostBatch> batches) {
    return batches.stream()
        .flatMapToInt(
            b ->
                IntStream.range(0, b.size())
                    .map(i -> Math.round(b.data()[i * b.channels() * b.height() * b.width()] * 255)))
        .toArray();
  }

  @Test
  void evaluationKeepsOrderAndTheLastPartialBatch() {
    ImageDataset ds = indexed(103);
    BatchLoader loader = new BatchLoader(ds, LoaderOptions.evaluation(25, UNIT));
    assertThat(loader.batchesPerEpoch()).isEqualTo(5);
    List<HostBatch> batches = all(loader.epoch(0));
    assertThat(batches).extracting(HostBatch::size).containsExactly(25, 25, 25, 25, 3);
    assertThat(indices(batches)).isEqualTo(IntStream.range(0, 103).toArray());
    HostBatch last = batches.get(4);
    assertThat(last.shape()).containsExactly(3, 3, 8, 8);
    assertThat(last.labels()).containsExactly(0, 1, 2);
    // Pixels pass through unchanged (up to /255).
    byte[] img = new byte[ds.imageBytes()];
    ds.copyImage(101, img, 0);
    for (int p = 1; p < img.length; p++) {
      assertThat(last.data()[192 + p]).isCloseTo((img[p] & 0xff) / 255f, Offset.offset(1e-6f));
    }
  }

  @Test
  void trainingShuffleIsAPermutationDeterministicPerSeedAndEpoch() {
    ImageDataset ds = indexed(103);
    LoaderOptions opts =
        LoaderOptions.training(10, Augmentation.NONE, UNIT, 5).withDropLast(false);
    BatchLoader loader = new BatchLoader(ds, opts);
    int[] e0 = indices(all(loader.epoch(0)));
    int[] e0again = indices(all(new BatchLoader(ds, opts).epoch(0)));
    int[] e1 = indices(all(loader.epoch(1)));
    int[] otherSeed =
        indices(all(new BatchLoader(ds, LoaderOptions.training(10, Augmentation.NONE, UNIT, 6)
            .withDropLast(false)).epoch(0)));
    assertThat(e0).hasSize(103).containsExactlyInAnyOrder(IntStream.range(0, 103).toArray());
    assertThat(e0).isEqualTo(e0again).isEqualTo(loader.order(0));
    assertThat(e0).isNotEqualTo(IntStream.range(0, 103).toArray());
    assertThat(e1).containsExactlyInAnyOrder(e0).isNotEqualTo(e0);
    assertThat(otherSeed).isNotEqualTo(e0);
  }

  @Test
  void labelsFollowTheirImages() {
    ImageDataset ds = indexed(103);
    List<HostBatch> batches =
        all(new BatchLoader(ds, LoaderOptions.training(16, Augmentation.NONE, UNIT, 1)).epoch(3));
    int k = 0;
    int[] idx = indices(batches);
    for (HostBatch b : batches) {
      for (int i = 0; i < b.size(); i++) {
        assertThat(b.labels()[i]).isEqualTo(idx[k++] % 10);
      }
    }
  }

  @Test
  void trainingDropsTheLastPartialBatchByDefault() {
    BatchLoader loader =
        new BatchLoader(indexed(103), LoaderOptions.training(25, Augmentation.STANDARD, UNIT, 1));
    assertThat(loader.batchesPerEpoch()).isEqualTo(4);
    assertThat(loader.imagesPerEpoch()).isEqualTo(100);
    assertThat(all(loader.epoch(0))).extracting(HostBatch::size).containsOnly(25).hasSize(4);
  }

  @Test
  void skippingKBatchesResumesTheSameBatches() {
    ImageDataset ds = indexed(103);
    BatchLoader loader =
        new BatchLoader(ds, LoaderOptions.training(10, Augmentation.STANDARD, UNIT, 9));
    List<HostBatch> full = all(loader.epoch(2));
    List<HostBatch> resumed = all(new BatchLoader(ds, loader.options()).epoch(2, 4));
    assertThat(full).hasSize(10);
    assertThat(resumed).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(resumed.get(i).data()).isEqualTo(full.get(i + 4).data());
      assertThat(resumed.get(i).labels()).isEqualTo(full.get(i + 4).labels());
    }
    assertThat(all(loader.epoch(2, 10))).isEmpty();
    assertThatThrownBy(() -> loader.epoch(2, 11)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void augmentationKeepsShapeAndIsDeterministic() {
    ImageDataset ds = indexed(64);
    LoaderOptions opts = LoaderOptions.training(32, Augmentation.STANDARD, UNIT, 3);
    List<HostBatch> a = all(new BatchLoader(ds, opts).epoch(0));
    List<HostBatch> b = all(new BatchLoader(ds, opts).epoch(0));
    List<HostBatch> plain =
        all(new BatchLoader(ds, LoaderOptions.training(32, Augmentation.NONE, UNIT, 3)).epoch(0));
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).shape()).containsExactly(32, 3, 8, 8);
      assertThat(a.get(i).data()).hasSize(32 * 192).isEqualTo(b.get(i).data());
      assertThat(a.get(i).labels()).isEqualTo(plain.get(i).labels());
    }
    assertThat(a.get(0).data()).isNotEqualTo(plain.get(0).data());
  }

  @Test
  void paddingZeroWithoutFlipIsIdentity() {
    ImageDataset ds = indexed(40);
    LoaderOptions none = LoaderOptions.training(8, new Augmentation(0, false), UNIT, 3);
    List<HostBatch> batches = all(new BatchLoader(ds, none).epoch(1));
    int[] order = new BatchLoader(ds, none).order(1);
    byte[] img = new byte[ds.imageBytes()];
    for (int b = 0; b < batches.size(); b++) {
      for (int i = 0; i < 8; i++) {
        ds.copyImage(order[b * 8 + i], img, 0);
        for (int p = 0; p < img.length; p++) {
          assertThat(batches.get(b).data()[i * img.length + p] * 255)
              .isCloseTo(img[p] & 0xff, Offset.offset(1e-3f));
        }
      }
    }
  }

  @Test
  void flipOnlyMirrorsRows() {
    ImageDataset ds = indexed(64);
    LoaderOptions flipOnly = LoaderOptions.training(64, new Augmentation(0, true), UNIT, 4);
    HostBatch batch = all(new BatchLoader(ds, flipOnly).epoch(0)).get(0);
    int[] order = new BatchLoader(ds, flipOnly).order(0);
    byte[] img = new byte[ds.imageBytes()];
    int flipped = 0;
    for (int i = 0; i < 64; i++) {
      ds.copyImage(order[i], img, 0);
      boolean same = true;
      boolean mirrored = true;
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            float v = batch.data()[i * 192 + c * 64 + y * 8 + x] * 255;
            same &= Math.abs(v - (img[c * 64 + y * 8 + x] & 0xff)) < 1e-3;
            mirrored &= Math.abs(v - (img[c * 64 + y * 8 + 7 - x] & 0xff)) < 1e-3;
          }
        }
      }
      assertThat(same || mirrored).isTrue();
      flipped += mirrored && !same ? 1 : 0;
    }
    assertThat(flipped).isBetween(16, 48);
  }

  @Test
  void cropKeepsEachChannelsPixelMultisetUpToZeroPadding() {
    // With all pixels non-zero, a shifted image holds a subset of the original's values plus zeros.
    int n = 16;
    byte[] pixels = new byte[n * 192];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (1 + i % 250);
    }
    ImageDataset ds = new ByteImageDataset("nonzero", 3, 8, 8, 10, pixels, new byte[n]);
    LoaderOptions opts = LoaderOptions.training(n, new Augmentation(2, true), UNIT, 8);
    HostBatch batch = all(new BatchLoader(ds, opts).epoch(0)).get(0);
    int[] order = new BatchLoader(ds, opts).order(0);
    byte[] img = new byte[192];
    for (int i = 0; i < n; i++) {
      ds.copyImage(order[i], img, 0);
      int[] available = new int[256];
      for (byte b : img) {
        available[b & 0xff]++;
      }
      int zeros = 0;
      for (int p = 0; p < 192; p++) {
        int v = Math.round(batch.data()[i * 192 + p] * 255);
        if (v == 0) {
          zeros++;
        } else {
          assertThat(--available[v]).isGreaterThanOrEqualTo(0);
        }
      }
      // Each side shift of s pixels zeroes s rows or columns of the 8x8 planes: at most 2+2 of 8.
      assertThat(zeros).isLessThanOrEqualTo(3 * (64 - 6 * 6));
    }
  }

  @Test
  void normalisationGivesZeroMeanUnitStdPerChannel() {
    ImageDataset ds = SyntheticDataset.render(SyntheticConfig.of(4, 300, 10, 2), Split.TRAIN);
    Normalization norm = Normalization.compute(ds);
    List<HostBatch> batches = all(new BatchLoader(ds, LoaderOptions.evaluation(64, norm)).epoch(0));
    int plane = 32 * 32;
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double sq = 0;
      long count = 0;
      for (HostBatch b : batches) {
        for (int i = 0; i < b.size(); i++) {
          for (int p = 0; p < plane; p++) {
            double v = b.data()[(i * 3 + c) * plane + p];
            sum += v;
            sq += v * v;
            count++;
          }
        }
      }
      double mean = sum / count;
      assertThat(mean).isCloseTo(0, Offset.offset(1e-4));
      assertThat(Math.sqrt(sq / count - mean * mean)).isCloseTo(1, Offset.offset(1e-3));
    }
  }

  @Test
  void closeStopsTheProducerPromptly() throws InterruptedException {
    ImageDataset ds = indexed(103);
    BatchLoader loader =
        new BatchLoader(ds, LoaderOptions.training(1, Augmentation.STANDARD, UNIT, 1).withPrefetch(2));
    BatchIterator it = loader.epoch(0);
    assertThat(it.next().size()).isEqualTo(1);
    long start = System.nanoTime();
    it.close();
    assertThat((System.nanoTime() - start) / 1e6).isLessThan(1000);
    assertThat(it.producerAlive()).isFalse();
    assertThat(it.hasNext()).isFalse();
    it.close();
  }

  @Test
  void producerExceptionSurfacesInTheConsumer() {
    ImageDataset good = indexed(50);
    ImageDataset failing =
        new ImageDataset() {
          @Override
          public String name() {
            return "failing";
          }

          @Override
          public int size() {
            return good.size();
          }

          @Override
          public int channels() {
            return good.channels();
          }

          @Override
          public int height() {
            return good.height();
          }

          @Override
          public int width() {
            return good.width();
          }

          @Override
          public int classes() {
            return good.classes();
          }

          @Override
          public int label(int index) {
            return good.label(index);
          }

          @Override
          public void copyImage(int index, byte[] dst, int offset) {
            if (index == 30) {
              throw new DatasetException("image 30 is broken");
            }
            good.copyImage(index, dst, offset);
          }
        };
    BatchLoader loader = new BatchLoader(failing, LoaderOptions.evaluation(10, UNIT));
    try (BatchIterator it = loader.epoch(0)) {
      assertThat(it.next().size()).isEqualTo(10);
      assertThatThrownBy(
              () -> {
                while (it.hasNext()) {
                  it.next();
                }
              })
          .isInstanceOf(DatasetException.class)
          .hasMessage("image 30 is broken");
    }
  }

  @Test
  void datasetSmallerThanOneDroppedBatchIsRejected() {
    assertThatThrownBy(
            () ->
                new BatchLoader(
                    indexed(10), LoaderOptions.training(16, Augmentation.NONE, UNIT, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer than one batch of 16");
    BatchLoader kept =
        new BatchLoader(
            indexed(10), LoaderOptions.training(16, Augmentation.NONE, UNIT, 1).withDropLast(false));
    assertThat(all(kept.epoch(0))).extracting(HostBatch::size).containsExactly(10);
    BatchLoader eval = new BatchLoader(indexed(10), LoaderOptions.evaluation(16, UNIT));
    assertThat(indices(all(eval.batches()))).isEqualTo(IntStream.range(0, 10).toArray());
  }

  @Test
  void rejectsMismatchedNormalisation() {
    assertThatThrownBy(
            () -> new BatchLoader(indexed(10), LoaderOptions.evaluation(4, Normalization.unit(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 channels");
  }

  @Test
  void evaluationIgnoresAugmentationSettings() {
    LoaderOptions opts =
        new LoaderOptions(10, false, true, Augmentation.STANDARD, UNIT, 1, 2);
    assertThat(opts.augmentation()).isEqualTo(Augmentation.NONE);
    assertThat(opts.dropLast()).isFalse();
    assertThat(Arrays.stream(new BatchLoader(indexed(25), opts).order(7)).toArray())
        .isEqualTo(IntStream.range(0, 25).toArray());
  }
}
