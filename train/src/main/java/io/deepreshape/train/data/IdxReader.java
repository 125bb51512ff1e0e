package io.deepreshape.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads Fashion-MNIST style IDX files, gzipped or plain: big-endian; images with magic
 * {@code 0x00000803} followed by count, rows, cols and the pixel bytes; labels with magic
 * {@code 0x00000801} followed by count and the label bytes.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
  public static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /** Decoded images of one IDX file: {@code count} images of rows*cols bytes. */
  public record Images(int count, int rows, int cols, byte[] pixels) {}

  /**
   * Opens a pair of IDX files as a one-channel dataset; checks magic numbers, lengths, that the
   * counts agree and that every label is below {@code classes}.
   */
  public static ImageDataset read(String name, Path imagesFile, Path labelsFile, int classes) {
    Images images = readImages(imagesFile);
    byte[] labels = readLabels(labelsFile);
    if (labels.length != images.count()) {
      throw new DatasetException(
          "image and label counts differ: " + imagesFile + " holds " + images.count()
              + " images, " + labelsFile + " holds " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i] & 0xff;
      if (label >= classes) {
        throw new DatasetException(
            labelsFile + ": label out of range at index " + i + " (byte offset " + (8 + i) + "): "
                + label + ", expected 0.." + (classes - 1));
      }
    }
    return new ByteImageDataset(
        name, 1, images.rows(), images.cols(), classes, images.pixels(), labels);
  }

  /** Reads an IDX image file (magic 0x00000803). */
  public static Images readImages(Path file) {
    try (InputStream in = open(file)) {
      byte[] header = new byte[16];
      int got = in.readNBytes(header, 0, 16);
      if (got >= 4) {
        checkMagic(file, header, IMAGES_MAGIC, "images");
      }
      if (got < 16) {
        throw new DatasetException(
            file + ": truncated header at byte offset " + got + ", expected 16 bytes");
      }
      int count = intAt(header, 4);
      int rows = intAt(header, 8);
      int cols = intAt(header, 12);
      if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE - 16) {
        throw new DatasetException(
            file + ": bad dimensions " + count + "x" + rows + "x" + cols + " in header");
      }
      int n = count * rows * cols;
      byte[] pixels = new byte[n];
      int read = in.readNBytes(pixels, 0, n);
      if (read < n) {
        throw new DatasetException(
            file + ": truncated data at byte offset " + (16L + read) + ", expected "
                + (16L + n) + " bytes (" + count + " images of " + rows + "x" + cols + ")");
      }
      checkEnd(file, in, 16L + n);
      return new Images(count, rows, cols, pixels);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an IDX label file (magic 0x00000801). */
  public static byte[] readLabels(Path file) {
    try (InputStream in = open(file)) {
      byte[] header = new byte[8];
      int got = in.readNBytes(header, 0, 8);
      if (got >= 4) {
        checkMagic(file, header, LABELS_MAGIC, "labels");
      }
      if (got < 8) {
        throw new DatasetException(
            file + ": truncated header at byte offset " + got + ", expected 8 bytes");
      }
      int count = intAt(header, 4);
      if (count < 0) {
        throw new DatasetException(file + ": bad label count " + count + " in header");
      }
      byte[] labels = new byte[count];
      int read = in.readNBytes(labels, 0, count);
      if (read < count) {
        throw new DatasetException(
            file + ": truncated data at byte offset " + (8L + read) + ", expected "
                + (8L + count) + " bytes (" + count + " labels)");
      }
      checkEnd(file, in, 8L + count);
      return labels;
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens {@code file}, transparently un-gzipping it when it starts with the gzip magic. */
  private static InputStream open(Path file) throws IOException {
    DataFiles.requireFile(file, "IDX file", "");
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    }
    return raw;
  }

  private static void checkMagic(Path file, byte[] header, int expected, String kind) {
    int magic = intAt(header, 0);
    if (magic != expected) {
      throw new DatasetException(
          String.format(
              "%s: bad IDX magic number 0x%08x, expected 0x%08x (%s)", file, magic, expected, kind));
    }
  }

  private static void checkEnd(Path file, InputStream in, long offset) throws IOException {
    if (in.read() >= 0) {
      throw new DatasetException(
          file + ": unexpected trailing data at byte offset " + offset + " after the last record");
    }
  }

  private static int intAt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }
}
