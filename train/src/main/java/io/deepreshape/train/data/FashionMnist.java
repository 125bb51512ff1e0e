package io.deepreshape.train.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (1x28x28, 10 classes) from its IDX files, gzipped or plain, as installed by the
 * Debian package {@code dataset-fashion-mnist}.
 */
public final class FashionMnist {
  /** The folder the Debian package {@code dataset-fashion-mnist} installs its files to. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  /** What to tell a user whose files are missing. */
  public static final String INSTALL_HINT =
      "install them with: apt-get install dataset-fashion-mnist (files go to " + DEFAULT_DIR + ")";

  public static final int CLASSES = 10;

  private FashionMnist() {}

  /** Opens the given split from {@code dir}, or from {@link #DEFAULT_DIR} when {@code dir} is null. */
  public static ImageDataset open(Path dir, Split split) {
    Path root = DataFiles.requireDir(dir == null ? DEFAULT_DIR : dir, "Fashion-MNIST data", INSTALL_HINT);
    String prefix = split == Split.TRAIN ? "train" : "t10k";
    Path images = locate(root, prefix + "-images-idx3-ubyte");
    Path labels = locate(root, prefix + "-labels-idx1-ubyte");
    return IdxReader.read("fashion-mnist/" + split.label(), images, labels, CLASSES);
  }

  /** True when both splits' files are present in {@code dir} (the default folder when null). */
  public static boolean isPresent(Path dir) {
    Path root = dir == null ? DEFAULT_DIR : dir;
    for (String base :
        new String[] {
          "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
        }) {
      if (!Files.isRegularFile(root.resolve(base + ".gz"))
          && !Files.isRegularFile(root.resolve(base))) {
        return false;
      }
    }
    return true;
  }

  private static Path locate(Path root, String base) {
    Path gz = root.resolve(base + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path plain = root.resolve(base);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new DatasetException(
        "missing file " + gz + " (Fashion-MNIST, gzipped or plain); " + INSTALL_HINT);
  }
}
