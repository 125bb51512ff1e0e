package io.deepreshape.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named networks: ResNets (He et al. 2016; torchvision v1.5 layout), CIFAR ResNets (6n+2),
 * WideResNets (Zagoruyko and Komodakis 2016) and the channel-scaling families of DeepReShape
 * (BaseCh, StageCh, HybReNet; DEEPRESHAPE.md sections 2 and 6).
 */
public final class Presets {
  private static final Map<String, int[]> RESNET_DEPTHS = Map.of(
      "resnet18", new int[] {2, 2, 2, 2},
      "resnet34", new int[] {3, 4, 6, 3},
      "resnet50", new int[] {3, 4, 6, 3},
      "resnet101", new int[] {3, 4, 23, 3},
      "resnet152", new int[] {3, 8, 36, 3});
  private static final Pattern CIFAR_RESNET = Pattern.compile("resnet(20|32|44|56|110)");
  private static final Pattern WRN = Pattern.compile("wrn-(\\d+)-(\\d+)");
  private static final Pattern FAMILY = Pattern.compile("(basech|stagech|hybrenet):([-0-9,\\s]+)");

  /** Every fixed name, then the parameterised families with an example, for help and error messages. */
  public static final List<String> CATALOG = List.of(
      "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
      "resnet20", "resnet32", "resnet44", "resnet56", "resnet110",
      "wrn-<depth>-<k> (e.g. wrn-22-8)", "basech:<m> (e.g. basech:32)",
      "stagech:<m>,<f> (e.g. stagech:64,3)", "hybrenet:<m>,<alpha>,<beta>,<gamma> (e.g. hybrenet:16,5,5,3)");

  private Presets() {}

  /** Builds preset {@code name} for {@code dataset}; fails naming the expected forms if unknown. */
  public static NetworkSpec build(String name, Dataset dataset) {
    String n = name == null ? "" : name.trim().toLowerCase();
    InputShape in = dataset.input();
    if (RESNET_DEPTHS.containsKey(n)) {
      BlockType block = n.equals("resnet18") || n.equals("resnet34") ? BlockType.BASIC : BlockType.BOTTLENECK;
      return fromFactors(n, in, dataset.stem(), block, 64, RESNET_DEPTHS.get(n), new int[] {2, 2, 2});
    }
    Matcher m = CIFAR_RESNET.matcher(n);
    if (m.matches()) {
      int per = (Integer.parseInt(m.group(1)) - 2) / 6;
      return fromFactors(n, in, StemType.CIFAR, BlockType.BASIC, 16, new int[] {per, per, per}, new int[] {2, 2});
    }
    m = WRN.matcher(n);
    if (m.matches()) {
      return wideResNet(n, in, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = FAMILY.matcher(n);
    if (m.matches()) {
      return family(n, m.group(1), parseInts(m.group(2), n), in, dataset.stem());
    }
    throw new SpecException("unknown preset '" + name + "': expected one of " + String.join(", ", CATALOG));
  }

  /**
   * A network from the paper's hyperparameters: base width {@code m}, stage depths {@code phi} and
   * integer channel factors {@code f} ({@code C_{i+1} = f_i * C_i}); the stem outputs {@code m} channels.
   */
  public static NetworkSpec fromFactors(String name, InputShape in, StemType stem, BlockType block, int m, int[] phi,
      int[] f) {
    if (f.length != phi.length - 1) {
      throw new SpecException(name + ": " + phi.length + " stages need " + (phi.length - 1) + " factors, got " + f.length);
    }
    List<StageSpec> stages = new ArrayList<>(phi.length);
    long width = m;
    for (int i = 0; i < phi.length; i++) {
      if (i > 0) {
        SpecException.require(f[i - 1] >= 1, "factors[" + (i - 1) + "]", ">= 1", f[i - 1]);
        width *= f[i - 1];
      }
      SpecLimits.requireRange(width, 1, SpecLimits.MAX_WIDTH, "stages[" + i + "].width");
      stages.add(StageSpec.checked(i, phi[i], (int) width));
    }
    SpecException.require(m >= 1, "base width m", ">= 1", m);
    return new NetworkSpec(name, in, new StemSpec(stem, m), block, stages);
  }

  private static NetworkSpec wideResNet(String name, InputShape in, int depth, int k) {
    if (depth < 10 || (depth - 4) % 6 != 0) {
      throw new SpecException("preset " + name + ": WideResNet depth must be 6n+4 with n >= 1 (10, 16, 22, 28, 40, ...), was "
          + depth);
    }
    SpecException.require(k >= 1, "preset " + name + " widening factor k", ">= 1", k);
    int n = (depth - 4) / 6;
    List<StageSpec> stages = List.of(StageSpec.checked(0, n, 16 * k), StageSpec.checked(1, n, 32 * k),
        StageSpec.checked(2, n, 64 * k));
    return new NetworkSpec(name, in, new StemSpec(StemType.WIDE, 16), BlockType.WIDE, stages);
  }

  private static NetworkSpec family(String name, String kind, int[] v, InputShape in, StemType stem) {
    int[] phi = {2, 2, 2, 2};
    return switch (kind) {
      case "basech" -> {
        expectCount(name, v, 1, "basech:<m>");
        yield fromFactors(name, in, stem, BlockType.BASIC, v[0], phi, new int[] {2, 2, 2});
      }
      case "stagech" -> {
        expectCount(name, v, 2, "stagech:<m>,<f>");
        yield fromFactors(name, in, stem, BlockType.BASIC, v[0], phi, new int[] {v[1], v[1], v[1]});
      }
      default -> {
        expectCount(name, v, 4, "hybrenet:<m>,<alpha>,<beta>,<gamma>");
        yield fromFactors(name, in, stem, BlockType.BASIC, v[0], phi, new int[] {v[1], v[2], v[3]});
      }
    };
  }

  private static void expectCount(String name, int[] v, int count, String form) {
    if (v.length != count) {
      throw new SpecException("preset '" + name + "' must have the form " + form + " with positive integers");
    }
  }

  private static int[] parseInts(String list, String name) {
    String[] parts = list.split(",");
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new SpecException("preset '" + name + "': '" + parts[i].trim() + "' is not an integer");
      }
      if (v[i] < 1) {
        throw new SpecException("preset '" + name + "': every value must be >= 1, was " + v[i]);
      }
    }
    return v;
  }
}
