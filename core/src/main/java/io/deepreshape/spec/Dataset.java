package io.deepreshape.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Datasets the toolkit knows: each fixes the input shape, the class count and the conventional stem. */
public enum Dataset {
  CIFAR10("cifar10", new InputShape(3, 32, 32, 10), StemType.CIFAR),
  CIFAR100("cifar100", new InputShape(3, 32, 32, 100), StemType.CIFAR),
  TINYIMAGENET("tinyimagenet", new InputShape(3, 64, 64, 200), StemType.CIFAR),
  IMAGENET("imagenet", new InputShape(3, 224, 224, 1000), StemType.IMAGENET),
  FASHION_MNIST("fashion-mnist", new InputShape(1, 28, 28, 10), StemType.CIFAR),
  /** The built-in deterministic synthetic set (default size; `dataset synth` can write others). */
  SYNTHETIC("synthetic", new InputShape(3, 32, 32, 10), StemType.CIFAR);

  private final String key;
  private final InputShape input;
  private final StemType stem;

  Dataset(String key, InputShape input, StemType stem) {
    this.key = key;
    this.input = input;
    this.stem = stem;
  }

  public String key() {
    return key;
  }

  public InputShape input() {
    return input;
  }

  /** The stem ResNet presets use on this dataset (ImageNet-style only for ImageNet). */
  public StemType stem() {
    return stem;
  }

  public static Dataset parse(String value) {
    for (Dataset d : values()) {
      if (d.key.equalsIgnoreCase(value)) {
        return d;
      }
    }
    throw new SpecException("unknown dataset '" + value + "': expected one of " + keys());
  }

  public static String keys() {
    return Arrays.stream(values()).map(Dataset::key).collect(Collectors.joining(", "));
  }
}
