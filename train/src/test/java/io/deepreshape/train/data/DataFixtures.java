package io.deepreshape.train.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small files in the real dataset formats for the reader tests. */
final class DataFixtures {
  private DataFixtures() {}

  /** Deterministic pseudo-random bytes. */
  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /**
   * Writes CIFAR records: per image the given label bytes then the image's bytes from
   * {@code pixels}.
   */
  static void writeCifar(Path file, byte[][] labelBytes, byte[] pixels, int imageBytes)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < labelBytes.length; i++) {
        out.write(labelBytes[i]);
        out.write(pixels, i * imageBytes, imageBytes);
      }
    }
  }

  /** An IDX image file's bytes. */
  static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
    ByteBuffer bb = ByteBuffer.allocate(16 + pixels.length);
    bb.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols).put(pixels);
    return bb.array();
  }

  /** An IDX label file's bytes. */
  static byte[] idxLabels(byte[] labels) {
    ByteBuffer bb = ByteBuffer.allocate(8 + labels.length);
    bb.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length).put(labels);
    return bb.array();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(data);
    }
    return bos.toByteArray();
  }

  /** A lossless-friendly test image: flat colour per quadrant so JPEG keeps values close. */
  static BufferedImage quadrants(int size, int seed) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(seed);
    int[] colours = new int[4];
    for (int q = 0; q < 4; q++) {
      colours[q] = r.nextInt(1 << 24);
    }
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int q = (y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1);
        img.setRGB(x, y, colours[q]);
      }
    }
    return img;
  }

  static void writeJpeg(Path file, BufferedImage img) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(img, "jpg", file.toFile())) {
      throw new IOException("no JPEG writer");
    }
  }

  /** CHW bytes of an image as ImageIO decodes {@code file}. */
  static byte[] decodedChw(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[3 * w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = img.getRGB(x, y);
        out[y * w + x] = (byte) (v >> 16);
        out[w * h + y * w + x] = (byte) (v >> 8);
        out[2 * w * h + y * w + x] = (byte) v;
      }
    }
    return out;
  }

  /** All images of a dataset, concatenated. */
  static byte[] allPixels(ImageDataset ds) {
    byte[] out = new byte[ds.size() * ds.imageBytes()];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyImage(i, out, i * ds.imageBytes());
    }
    return out;
  }

  static int[] allLabels(ImageDataset ds) {
    int[] out = new int[ds.size()];
    for (int i = 0; i < ds.size(); i++) {
      out[i] = ds.label(i);
    }
    return out;
  }
}
