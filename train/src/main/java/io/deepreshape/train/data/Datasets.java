package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dataset registry: opens a dataset by name ({@code cifar10}, {@code cifar100},
 * {@code tinyimagenet}, {@code fashion-mnist}, {@code synthetic}) from a data folder, fully read
 * and validated, and gives each one's default data folder, normalisation and augmentation.
 */
public final class Datasets {
  /** Every dataset name {@link #open} accepts. */
  public static final List<String> NAMES =
      List.of("cifar10", "cifar100", "tinyimagenet", "fashion-mnist", "synthetic");

  private Datasets() {}

  /**
   * Opens split {@code split} of dataset {@code datasetName} from {@code dataDir} (null: the
   * dataset's {@link #defaultDataDir}). Reads and validates every record before returning.
   *
   * @throws DatasetException on a missing folder or file or on corrupt data
   * @throws IllegalArgumentException on an unknown name
   */
  public static ImageDataset open(String datasetName, Path dataDir, Split split) {
    String name = canonical(datasetName);
    Path dir = dataDir != null ? dataDir : defaultDataDir(name).orElse(null);
    switch (name) {
      case "cifar10":
        return CifarReader.cifar10(dir, split);
      case "cifar100":
        return CifarReader.cifar100(dir, split);
      case "tinyimagenet":
        return TinyImageNetReader.open(dir, split);
      case "fashion-mnist":
        return FashionMnist.open(dir, split);
      case "synthetic":
        return SyntheticDataset.open(dir, split);
      default:
        throw new IllegalStateException(name);
    }
  }

  /** The folder used when no data folder is given: only Fashion-MNIST has one. */
  public static Optional<Path> defaultDataDir(String datasetName) {
    return "fashion-mnist".equals(canonical(datasetName))
        ? Optional.of(FashionMnist.DEFAULT_DIR)
        : Optional.empty();
  }

  /**
   * The normalisation to train {@code dataset} (a split of {@code datasetName}) with: the
   * published statistics where known, else computed from {@code dataset}. Compute it on the
   * training split and use the same value for the test split.
   */
  public static Normalization normalization(String datasetName, ImageDataset dataset) {
    return Normalization.defaults(canonical(datasetName))
        .orElseGet(() -> Normalization.compute(dataset));
  }

  /** The default training augmentation for {@code datasetName}. */
  public static Augmentation augmentation(String datasetName) {
    return Augmentation.defaults(canonical(datasetName));
  }

  /** Lower-cases and checks a dataset name; accepts {@code fashion_mnist} and {@code fashionmnist}. */
  public static String canonical(String datasetName) {
    if (datasetName == null) {
      throw new UserInputException("no dataset name given; known: " + String.join(", ", NAMES));
    }
    String n = datasetName.strip().toLowerCase(Locale.ROOT);
    if (n.equals("fashion_mnist") || n.equals("fashionmnist")) {
      n = "fashion-mnist";
    }
    if (n.equals("cifar-10")) {
      n = "cifar10";
    }
    if (n.equals("cifar-100")) {
      n = "cifar100";
    }
    if (n.equals("tiny-imagenet") || n.equals("tiny-imagenet-200")) {
      n = "tinyimagenet";
    }
    if (!NAMES.contains(n)) {
      throw new UserInputException(
          "unknown dataset '" + datasetName + "'; known: " + String.join(", ", NAMES));
    }
    return n;
  }
}
