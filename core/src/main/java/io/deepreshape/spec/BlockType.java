package io.deepreshape.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Building block of a stage: how many ReLU layers it has and how its output width relates to the stage width. */
public enum BlockType {
  /** conv3x3-BN-ReLU-conv3x3-BN, add, ReLU (ResNet18/34). */
  BASIC("basic", 2, 1),
  /** conv1x1-BN-ReLU-conv3x3(stride)-BN-ReLU-conv1x1-BN, add, ReLU; expansion 4 (torchvision v1.5). */
  BOTTLENECK("bottleneck", 3, 4),
  /** Pre-activation wide block (WideResNet): BN-ReLU-conv3x3(stride)-BN-ReLU-conv3x3, add. */
  WIDE("wide", 2, 1);

  private final String key;
  private final int reluLayers;
  private final int expansion;

  BlockType(String key, int reluLayers, int expansion) {
    this.key = key;
    this.reluLayers = reluLayers;
    this.expansion = expansion;
  }

  public String key() {
    return key;
  }

  /** ReLU layers per block. */
  public int reluLayers() {
    return reluLayers;
  }

  /** Output channels of a block divided by its stage width. */
  public int expansion() {
    return expansion;
  }

  public static BlockType parse(String value, String path) {
    for (BlockType t : values()) {
      if (t.key.equals(value)) {
        return t;
      }
    }
    throw new SpecException(path + " must be one of "
        + Arrays.stream(values()).map(BlockType::key).collect(Collectors.joining(", ")) + ", was " + value);
  }
}
