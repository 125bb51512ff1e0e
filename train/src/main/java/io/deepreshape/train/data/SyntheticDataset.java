package io.deepreshape.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic synthetic dataset: generated from a {@link SyntheticConfig}, written in the
 * CIFAR-10 binary record format ({@code data_batch_1.bin}, {@code test_batch.bin}: 1 label byte
 * then 3*size*size pixel bytes) with a {@code meta.json} giving classes, size, counts and seed,
 * and read back from such a folder. Horizontal flips change a class's stripe orientation, so
 * training on it should not flip.
 */
public final class SyntheticDataset {
  /** Training records file. */
  public static final String TRAIN_FILE = "data_batch_1.bin";
  /** Test records file. */
  public static final String TEST_FILE = "test_batch.bin";
  /** Description file, written last. */
  public static final String META_FILE = "meta.json";
  /** Value of the {@code format} field of {@code meta.json}. */
  public static final String FORMAT = "deepreshape-synthetic";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SyntheticDataset() {}

  /** Renders one split in memory; the same config always gives the same bytes. */
  public static ImageDataset render(SyntheticConfig config, Split split) {
    int count = split == Split.TRAIN ? config.train() : config.test();
    int size = config.size();
    int imageBytes = 3 * size * size;
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % config.classes());
    }
    SplittableRandom rng =
        new SplittableRandom(Seeds.mix(config.seed(), split == Split.TRAIN ? 1 : 2));
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      byte t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    SyntheticRenderer renderer = new SyntheticRenderer(config.classes(), size, config.seed());
    byte[] pixels = new byte[count * imageBytes];
    for (int i = 0; i < count; i++) {
      renderer.render(labels[i] & 0xff, rng, pixels, i * imageBytes);
    }
    return new ByteImageDataset(
        "synthetic/" + split.label(), 3, size, size, config.classes(), pixels, labels);
  }

  /**
   * Generates both splits into {@code outDir} (created if needed): {@code data_batch_1.bin},
   * {@code test_batch.bin}, then {@code meta.json}.
   */
  public static void generate(SyntheticConfig config, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Files.deleteIfExists(outDir.resolve(META_FILE));
      writeRecords(render(config, Split.TRAIN), outDir.resolve(TRAIN_FILE));
      writeRecords(render(config, Split.TEST), outDir.resolve(TEST_FILE));
      ObjectNode meta = JSON.createObjectNode();
      meta.put("format", FORMAT);
      meta.put("version", 1);
      meta.put("classes", config.classes());
      meta.put("channels", 3);
      meta.put("size", config.size());
      meta.put("train", config.train());
      meta.put("test", config.test());
      meta.put("seed", config.seed());
      Path tmp = outDir.resolve(META_FILE + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), meta);
      Files.move(tmp, outDir.resolve(META_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DatasetException("cannot write synthetic dataset to " + outDir + ": " + e.getMessage(), e);
    }
  }

  /** Reads the config recorded in {@code dir/meta.json}. */
  public static SyntheticConfig readConfig(Path dir) {
    DataFiles.requireDir(dir, "synthetic dataset", "write one with: deepreshape dataset synth --out DIR");
    Path metaFile = DataFiles.requireFile(dir.resolve(META_FILE), "synthetic dataset description", "");
    JsonNode meta;
    try {
      meta = JSON.readTree(metaFile.toFile());
    } catch (IOException e) {
      throw new DatasetException(metaFile + ": not valid JSON: " + oneLine(e.getMessage()), e);
    }
    if (meta == null || !FORMAT.equals(meta.path("format").asText())) {
      throw new DatasetException(metaFile + ": field 'format' is not '" + FORMAT + "'");
    }
    try {
      return new SyntheticConfig(
          intField(metaFile, meta, "classes"),
          intField(metaFile, meta, "train"),
          intField(metaFile, meta, "test"),
          intField(metaFile, meta, "size"),
          meta.path("seed").asLong());
    } catch (IllegalArgumentException e) {
      throw new DatasetException(metaFile + ": " + e.getMessage(), e);
    }
  }

  /** Opens one split of a folder written by {@link #generate}; checks it against meta.json. */
  public static ImageDataset open(Path dir, Split split) {
    SyntheticConfig config = readConfig(dir);
    Path file = dir.resolve(split == Split.TRAIN ? TRAIN_FILE : TEST_FILE);
    ImageDataset ds =
        CifarReader.read(
            "synthetic/" + split.label(), List.of(file), 1, 0, 3, config.size(), config.classes());
    int expected = split == Split.TRAIN ? config.train() : config.test();
    if (ds.size() != expected) {
      throw new DatasetException(
          file + ": holds " + ds.size() + " images, " + META_FILE + " says " + expected);
    }
    return ds;
  }

  private static void writeRecords(ImageDataset ds, Path file) throws IOException {
    byte[] record = new byte[1 + ds.imageBytes()];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; i < ds.size(); i++) {
        record[0] = (byte) ds.label(i);
        ds.copyImage(i, record, 1);
        out.write(record);
      }
    }
  }

  private static int intField(Path file, JsonNode meta, String field) {
    JsonNode n = meta.get(field);
    if (n == null || !n.canConvertToInt()) {
      throw new DatasetException(file + ": missing or non-integer field '" + field + "'");
    }
    return n.asInt();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
