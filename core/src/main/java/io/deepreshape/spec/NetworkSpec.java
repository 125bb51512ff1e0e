package io.deepreshape.spec;

import static io.deepreshape.spec.SpecException.require;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A ResNet-family network: input, stem, D stages of one block type, and the mode of every ReLU layer
 * that is not {@code full} (DEEPRESHAPE.md section 2). Immutable; every constructor argument is
 * validated and a bad value fails with its field path and what was expected.
 *
 * <p>Stage {@code i} (from 1) has {@code stages[i-1].phi} blocks of width {@code stages[i-1].width};
 * the paper's base width is {@code m = stages[0].width} and its factors are the ratios of
 * consecutive widths. Stage 1 keeps the stem's resolution, every later stage halves it in its first
 * block (stride 2, padding 1, so sizes go 28, 14, 7, 4 as in PyTorch).
 */
public record NetworkSpec(
    String name,
    InputShape input,
    StemSpec stem,
    BlockType block,
    List<StageSpec> stages,
    SortedMap<ReluAddress, ReluMode> relu) {

  public NetworkSpec {
    require(name != null && !name.isBlank(), "name", "a non-empty string", name);
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(stem, "stem");
    Objects.requireNonNull(block, "block");
    require(stages != null && !stages.isEmpty(), "stages", "a non-empty list", stages);
    require((stem.type() == StemType.WIDE) == (block == BlockType.WIDE), "stem.type",
        block == BlockType.WIDE ? "wide for wide blocks" : "cifar or imagenet for " + block.key() + " blocks",
        stem.type().key());
    stages = List.copyOf(stages);
    checkSize(stages);
    TreeMap<ReluAddress, ReluMode> modes = new TreeMap<>();
    if (relu != null) {
      for (Map.Entry<ReluAddress, ReluMode> e : relu.entrySet()) {
        if (!(Objects.requireNonNull(e.getValue(), "relu mode") instanceof ReluMode.Full)) {
          modes.put(e.getKey(), e.getValue());
        }
      }
    }
    relu = Collections.unmodifiableSortedMap(modes);
    checkSpatial(input, stem, stages);
    SpecSize.check(input, stem, block, stages, spatialSizes(input, stem, stages.size()));
    checkReluAddresses(stem, block, stages, relu);
  }

  /** Convenience constructor for a network whose ReLUs are all {@code full}. */
  public NetworkSpec(String name, InputShape input, StemSpec stem, BlockType block, List<StageSpec> stages) {
    this(name, input, stem, block, stages, null);
  }

  /** Number of stages D. */
  public int depth() {
    return stages.size();
  }

  /** Base channel count m (width of stage 1). */
  public int baseWidth() {
    return stages.get(0).width();
  }

  /** Channel factors f_i = width(i+1) / width(i), i = 1..D-1 (may be fractional after pruning). */
  public double[] factors() {
    double[] f = new double[stages.size() - 1];
    for (int i = 0; i < f.length; i++) {
      f[i] = (double) stages.get(i + 1).width() / stages.get(i).width();
    }
    return f;
  }

  /** The mode of the ReLU layer at {@code address} ({@code full} unless the spec says otherwise). */
  public ReluMode reluMode(ReluAddress address) {
    return relu.getOrDefault(address, ReluMode.FULL);
  }

  public NetworkSpec withName(String newName) {
    return new NetworkSpec(newName, input, stem, block, stages, relu);
  }

  public NetworkSpec withStages(List<StageSpec> newStages) {
    return new NetworkSpec(name, input, stem, block, newStages, relu);
  }

  /** A copy with the given ReLU modes replacing the existing ones (a {@code full} entry resets). */
  public NetworkSpec withReluModes(Map<ReluAddress, ReluMode> changes) {
    TreeMap<ReluAddress, ReluMode> merged = new TreeMap<>(relu);
    merged.putAll(changes);
    return new NetworkSpec(name, input, stem, block, stages, merged);
  }

  /** A copy with every ReLU mode reset to {@code full}. */
  public NetworkSpec withAllReluFull() {
    return new NetworkSpec(name, input, stem, block, stages, null);
  }

  /** Output channels of the stem. */
  public int stemChannels() {
    return stem.channels();
  }

  /** Output channels of every block of stage {@code i} (from 1). */
  public int stageOutChannels(int stage) {
    return stages.get(stage - 1).width() * block.expansion();
  }

  /** Whether the network has a ReLU at {@code address}. */
  public boolean hasRelu(ReluAddress a) {
    return hasRelu(stem, block, stages, a);
  }

  /** Channels entering the ReLU layer at {@code address} (which must exist). */
  public int reluChannels(ReluAddress a) {
    return reluChannels(stem, block, stages, a);
  }

  /** Input channels of block {@code b} of stage {@code s} (both from 1). */
  public int blockInChannels(int s, int b) {
    return blockInChannels(stem, block, stages, s, b);
  }

  private static boolean hasRelu(StemSpec stem, BlockType block, List<StageSpec> stages, ReluAddress a) {
    if (a.isStem()) {
      return stem.type() != StemType.WIDE;
    }
    if (a.isHead()) {
      return stem.type() == StemType.WIDE;
    }
    return a.stage() <= stages.size() && a.block() <= stages.get(a.stage() - 1).phi()
        && a.position() <= block.reluLayers();
  }

  private static int reluChannels(StemSpec stem, BlockType block, List<StageSpec> stages, ReluAddress a) {
    if (a.isStem()) {
      return stem.channels();
    }
    if (a.isHead()) {
      return stages.get(stages.size() - 1).width() * block.expansion();
    }
    int width = stages.get(a.stage() - 1).width();
    return switch (block) {
      case BASIC -> width;
      case BOTTLENECK -> a.position() == 3 ? 4 * width : width;
      case WIDE -> a.position() == 1 ? blockInChannels(stem, block, stages, a.stage(), a.block()) : width;
    };
  }

  private static int blockInChannels(StemSpec stem, BlockType block, List<StageSpec> stages, int s, int b) {
    if (b > 1) {
      return stages.get(s - 1).width() * block.expansion();
    }
    return s == 1 ? stem.channels() : stages.get(s - 2).width() * block.expansion();
  }

  /** Spatial size (height, width) after the stem, then after each stage: {@code D + 1} pairs. */
  public int[][] spatialSizes() {
    return spatialSizes(input, stem, stages.size());
  }

  /** Output size of a convolution or pooling window along one axis, as PyTorch computes it. */
  public static int convOut(int in, int kernel, int stride, int padding) {
    return Math.floorDiv(in + 2 * padding - kernel, stride) + 1;
  }

  private static int[][] spatialSizes(InputShape input, StemSpec stem, int d) {
    int h = input.height();
    int w = input.width();
    if (stem.type() == StemType.IMAGENET) {
      h = convOut(convOut(h, 7, 2, 3), 3, 2, 1);
      w = convOut(convOut(w, 7, 2, 3), 3, 2, 1);
    }
    int[][] sizes = new int[d + 1][];
    sizes[0] = new int[] {h, w};
    for (int i = 1; i <= d; i++) {
      if (i > 1) {
        h = convOut(h, 3, 2, 1);
        w = convOut(w, 3, 2, 1);
      }
      sizes[i] = new int[] {h, w};
    }
    return sizes;
  }

  private static void checkSize(List<StageSpec> stages) {
    SpecLimits.requireRange(stages.size(), 1, SpecLimits.MAX_STAGES, "the number of stages");
    long blocks = 0;
    for (int i = 0; i < stages.size(); i++) {
      StageSpec s = stages.get(i);
      StageSpec.checked(i, s.phi(), s.width());
      blocks += s.phi();
    }
    SpecLimits.requireRange(blocks, 1, SpecLimits.MAX_BLOCKS, "the number of blocks (sum of stages[].phi)");
  }

  private static void checkSpatial(InputShape input, StemSpec stem, List<StageSpec> stages) {
    int[][] sizes = spatialSizes(input, stem, stages.size());
    if (sizes[0][0] < 1 || sizes[0][1] < 1) {
      throw new SpecException("input " + input.height() + "x" + input.width()
          + " is too small for the " + stem.type().key() + " stem: its output would be "
          + sizes[0][0] + "x" + sizes[0][1]);
    }
    for (int i = 1; i < sizes.length; i++) {
      if (sizes[i][0] < 1 || sizes[i][1] < 1) {
        throw new SpecException("stages[" + (i - 1) + "] (S" + i + ") would shrink the spatial size below 1 ("
            + sizes[i - 1][0] + "x" + sizes[i - 1][1] + " -> " + sizes[i][0] + "x" + sizes[i][1] + ")");
      }
    }
  }

  private static void checkReluAddresses(StemSpec stem, BlockType block, List<StageSpec> stages,
      SortedMap<ReluAddress, ReluMode> relu) {
    for (Map.Entry<ReluAddress, ReluMode> e : relu.entrySet()) {
      ReluAddress a = e.getKey();
      if (!hasRelu(stem, block, stages, a)) {
        throw new SpecException("relu." + a + " names no ReLU layer of this network (stages: "
            + stages.size() + ", blocks per stage: " + stages.stream().map(s -> String.valueOf(s.phi())).toList()
            + ", ReLU layers per block: " + block.reluLayers()
            + (stem.type() == StemType.WIDE ? ", a head ReLU and no stem ReLU" : ", a stem ReLU") + ")");
      }
      int channels = reluChannels(stem, block, stages, a);
      if (e.getValue() instanceof ReluMode.PartialChannels p) {
        require(p.maxChannel() < channels, "relu." + a, "a channel list within 0.." + (channels - 1), p.text());
      }
      if (e.getValue() instanceof ReluMode.Reuse r) {
        require(r.groupSize() <= channels, "relu." + a, "reuse with a group size <= its " + channels + " channels",
            r.text());
      }
    }
  }
}
