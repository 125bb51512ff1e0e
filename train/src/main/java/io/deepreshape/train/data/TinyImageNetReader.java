package io.deepreshape.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Reads TinyImageNet's folder layout ({@code tiny-imagenet-200/}): class ids from
 * {@code wnids.txt} (label = line index); training images {@code train/<wnid>/images/*.JPEG};
 * the validation images {@code val/images/*.JPEG} labelled by {@code val/val_annotations.txt}
 * (tab-separated: file, wnid, box) serve as the test split. JPEGs are decoded in parallel into
 * 3x64x64 CHW bytes.
 */
public final class TinyImageNetReader {
  /** Folder the official archive unpacks to. */
  public static final String FOLDER = "tiny-imagenet-200";
  /** Side of every TinyImageNet image. */
  public static final int SIZE = 64;

  private TinyImageNetReader() {}

  /** One image to decode and its label. */
  private record Entry(Path file, int label) {}

  /** Opens the split from {@code dir} (or {@code dir/tiny-imagenet-200}). */
  public static ImageDataset open(Path dir, Split split) {
    Path root = DataFiles.unpackedRoot(DataFiles.requireDir(dir, "TinyImageNet data", ""), FOLDER);
    List<String> wnids = readWnids(root.resolve("wnids.txt"));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < wnids.size(); i++) {
      index.put(wnids.get(i), i);
    }
    List<Entry> entries =
        split == Split.TRAIN ? trainEntries(root, wnids) : valEntries(root, index);
    return decode("tinyimagenet/" + split.label(), entries, wnids.size());
  }

  static List<String> readWnids(Path file) {
    DataFiles.requireFile(file, "TinyImageNet class list", "");
    List<String> wnids = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).strip();
      if (id.isEmpty()) {
        continue;
      }
      if (seen.putIfAbsent(id, i + 1) != null) {
        throw new DatasetException(file + ": line " + (i + 1) + ": duplicate wnid " + id);
      }
      wnids.add(id);
    }
    if (wnids.isEmpty() || wnids.size() > 256) {
      throw new DatasetException(
          file + ": " + wnids.size() + " wnids, expected between 1 and 256");
    }
    return wnids;
  }

  private static List<Entry> trainEntries(Path root, List<String> wnids) {
    Path train = DataFiles.requireDir(root.resolve("train"), "TinyImageNet training images", "");
    List<Entry> entries = new ArrayList<>();
    for (int label = 0; label < wnids.size(); label++) {
      String wnid = wnids.get(label);
      Path images = train.resolve(wnid).resolve("images");
      if (!Files.isDirectory(images)) {
        throw new DatasetException(
            "missing wnid folder " + images + " for wnid " + wnid + " listed in wnids.txt");
      }
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(images, "*.JPEG")) {
        ds.forEach(files::add);
      } catch (IOException e) {
        throw new DatasetException("cannot list " + images + ": " + e.getMessage(), e);
      }
      files.sort(null);
      for (Path f : files) {
        entries.add(new Entry(f, label));
      }
    }
    return entries;
  }

  private static List<Entry> valEntries(Path root, Map<String, Integer> index) {
    Path val = DataFiles.requireDir(root.resolve("val"), "TinyImageNet validation images", "");
    Path annotations =
        DataFiles.requireFile(val.resolve("val_annotations.txt"), "validation labels", "");
    Path images = DataFiles.requireDir(val.resolve("images"), "TinyImageNet validation images", "");
    List<Entry> entries = new ArrayList<>();
    List<String> lines = lines(annotations);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new DatasetException(
            annotations + ": line " + (i + 1) + ": expected tab-separated file and wnid, got '"
                + line.strip() + "'");
      }
      Integer label = index.get(cols[1].strip());
      if (label == null) {
        throw new DatasetException(
            annotations + ": line " + (i + 1) + ": missing wnid " + cols[1].strip()
                + " (not in wnids.txt)");
      }
      entries.add(new Entry(images.resolve(cols[0].strip()), label));
    }
    return entries;
  }

  private static ImageDataset decode(String name, List<Entry> entries, int classes) {
    if (entries.isEmpty()) {
      throw new DatasetException(name + ": no images found");
    }
    int imageBytes = 3 * SIZE * SIZE;
    byte[] pixels = new byte[Math.multiplyExact(entries.size(), imageBytes)];
    byte[] labels = new byte[entries.size()];
    IntStream.range(0, entries.size())
        .parallel()
        .forEach(
            i -> {
              Entry e = entries.get(i);
              decodeInto(e.file(), pixels, i * imageBytes);
              labels[i] = (byte) e.label();
            });
    return new ByteImageDataset(name, 3, SIZE, SIZE, classes, pixels, labels);
  }

  /** Decodes one JPEG (colour or grey) into 3x64x64 CHW bytes at {@code offset}. */
  static void decodeInto(Path file, byte[] dst, int offset) {
    BufferedImage img;
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("missing image file " + file);
    }
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new DatasetException("undecodable JPEG " + file + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DatasetException("undecodable JPEG " + file + ": not a readable image");
    }
    if (img.getWidth() != SIZE || img.getHeight() != SIZE) {
      throw new DatasetException(
          file + ": image is " + img.getWidth() + "x" + img.getHeight() + ", expected " + SIZE
              + "x" + SIZE);
    }
    int plane = SIZE * SIZE;
    int[] rgb = img.getRGB(0, 0, SIZE, SIZE, null, 0, SIZE);
    for (int p = 0; p < plane; p++) {
      int v = rgb[p];
      dst[offset + p] = (byte) (v >> 16);
      dst[offset + plane + p] = (byte) (v >> 8);
      dst[offset + 2 * plane + p] = (byte) v;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
