package io.deepreshape.cli.pipeline;

import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.data.FashionMnist;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST subset that ships inside the tool (5,000 training and 2,000 test images, gzipped IDX,
 * MIT licence: see its LICENSE.txt), copied out into a folder so the demo runs on real data wherever Java
 * runs. Made by {@code tools/make_fashion_mnist_subset.py}.
 */
final class DemoData {
  static final int TRAIN = 5000;
  static final int TEST = 2000;
  private static final String ROOT = "/io/deepreshape/demo/fashion-mnist/";
  private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "LICENSE.txt");

  private DemoData() {}

  /** Copies the subset into {@code dir} (each file atomically, once) and returns {@code dir}. */
  static Path extract(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : FILES) {
      Path target = dir.resolve(name);
      if (Files.isRegularFile(target)) {
        continue;
      }
      try (InputStream in = DemoData.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new IllegalStateException("the tool's jar lacks its demo data " + ROOT + name);
        }
        byte[] bytes = in.readAllBytes();
        AtomicFiles.write(target, out -> out.write(bytes));
      }
    }
    if (!FashionMnist.isPresent(dir)) {
      throw new IllegalStateException("the demo data copied to " + dir + " is incomplete");
    }
    return dir;
  }
}
