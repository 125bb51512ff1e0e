package io.deepreshape.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The network's stem (DEEPRESHAPE.md section 2). */
public enum StemType {
  /** 3x3 convolution stride 1, BN, ReLU, no max-pool (CIFAR, TinyImageNet, Fashion-MNIST in PI work). */
  CIFAR("cifar"),
  /** 7x7 convolution stride 2, BN, ReLU, 3x3 max-pool stride 2. */
  IMAGENET("imagenet"),
  /** WideResNet: a bare 3x3 convolution; the first block's pre-activation supplies BN and ReLU. */
  WIDE("wide");

  private final String key;

  StemType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static StemType parse(String value, String path) {
    for (StemType t : values()) {
      if (t.key.equals(value)) {
        return t;
      }
    }
    throw new SpecException(path + " must be one of " + keys() + ", was " + value);
  }

  static String keys() {
    return Arrays.stream(values()).map(StemType::key).collect(Collectors.joining(", "));
  }
}
