package io.deepreshape.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR binary record format: per image {@code labelBytes} label bytes (the one at
 * {@code labelIndex} is used) followed by channels*size*size pixel bytes, channel-major. Covers
 * CIFAR-10 ({@code data_batch_1..5.bin}, {@code test_batch.bin}), CIFAR-100 ({@code train.bin},
 * {@code test.bin}, fine label) and the synthetic dataset at any image size.
 */
public final class CifarReader {
  /** Folder the official CIFAR-10 binary archive unpacks to. */
  public static final String CIFAR10_FOLDER = "cifar-10-batches-bin";
  /** Folder the official CIFAR-100 binary archive unpacks to. */
  public static final String CIFAR100_FOLDER = "cifar-100-binary";

  private CifarReader() {}

  /** Opens CIFAR-10 from {@code dir} (or {@code dir/cifar-10-batches-bin}). */
  public static ImageDataset cifar10(Path dir, Split split) {
    Path root = DataFiles.unpackedRoot(DataFiles.requireDir(dir, "CIFAR-10 data", ""), CIFAR10_FOLDER);
    List<Path> files = new ArrayList<>();
    if (split == Split.TRAIN) {
      for (int i = 1; i <= 5; i++) {
        files.add(root.resolve("data_batch_" + i + ".bin"));
      }
    } else {
      files.add(root.resolve("test_batch.bin"));
    }
    return read("cifar10/" + split.label(), files, 1, 0, 3, 32, 10);
  }

  /** Opens CIFAR-100 (fine labels) from {@code dir} (or {@code dir/cifar-100-binary}). */
  public static ImageDataset cifar100(Path dir, Split split) {
    Path root =
        DataFiles.unpackedRoot(DataFiles.requireDir(dir, "CIFAR-100 data", ""), CIFAR100_FOLDER);
    Path file = root.resolve(split == Split.TRAIN ? "train.bin" : "test.bin");
    return read("cifar100/" + split.label(), List.of(file), 2, 1, 3, 32, 100);
  }

  /**
   * Reads the given record files, in order, into one dataset. Every file must exist, hold a whole
   * number of records, and every label must be below {@code classes}.
   */
  public static ImageDataset read(
      String name,
      List<Path> files,
      int labelBytes,
      int labelIndex,
      int channels,
      int size,
      int classes) {
    int imageBytes = channels * size * size;
    int record = labelBytes + imageBytes;
    long total = 0;
    for (Path f : files) {
      DataFiles.requireFile(f, name + " record file", "");
      long len = DataFiles.size(f);
      if (len == 0) {
        throw new DatasetException(f + ": empty file, expected records of " + record + " bytes");
      }
      if (len % record != 0) {
        long offset = len - len % record;
        throw new DatasetException(
            f + ": truncated record " + (len / record) + " at byte offset " + offset + " ("
                + (len % record) + " of " + record + " bytes)");
      }
      total += len / record;
    }
    if (total * imageBytes > Integer.MAX_VALUE - 16) {
      throw new DatasetException(name + ": " + total + " images do not fit in one byte array");
    }
    byte[] pixels = new byte[(int) (total * imageBytes)];
    byte[] labels = new byte[(int) total];
    byte[] buf = new byte[record];
    int index = 0;
    for (Path f : files) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 20)) {
        for (long r = 0; ; r++) {
          int got = in.readNBytes(buf, 0, record);
          if (got == 0) {
            break;
          }
          if (got < record) {
            throw new DatasetException(
                f + ": truncated record " + r + " at byte offset " + (r * record));
          }
          int label = buf[labelIndex] & 0xff;
          if (label >= classes) {
            throw new DatasetException(
                f + ": label out of range in record " + r + " (byte offset " + (r * record)
                    + "): " + label + ", expected 0.." + (classes - 1));
          }
          if (index == labels.length) {
            throw new DatasetException(f + ": file grew while it was read");
          }
          labels[index] = (byte) label;
          System.arraycopy(buf, labelBytes, pixels, index * imageBytes, imageBytes);
          index++;
        }
      } catch (IOException e) {
        throw new DatasetException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    return new ByteImageDataset(name, channels, size, size, classes, pixels, labels);
  }
}
