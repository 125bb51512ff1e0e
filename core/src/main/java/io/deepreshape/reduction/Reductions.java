package io.deepreshape.reduction;

import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecException;
import io.deepreshape.spec.StageSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * ReLU and FLOP reduction operators on specs (DeepReShape Algorithm 2; DeepReDuce's culling and
 * thinning; DEEPRESHAPE.md section 6). Every operator is pure and returns a new spec with the same
 * name; stages are counted from 1.
 *
 * <p><b>Thinning</b> keeps every other ReLU layer of a stage, always keeping the ReLU that acts on
 * the residual sum and dropping one inside the residual branch:
 * <ul>
 *   <li>BasicBlock: keep {@code r2} (after the addition), drop {@code r1};</li>
 *   <li>Bottleneck: keep {@code r1} and {@code r3} (after the addition), drop {@code r2} (after the
 *       3x3 conv), so the 3x3 and the last 1x1 conv compose linearly;</li>
 *   <li>wide (pre-activation) block: keep {@code r1} (on the block input, i.e. the previous sum),
 *       drop {@code r2} (between the two convs).</li>
 * </ul>
 */
public final class Reductions {
  private Reductions() {}

  /** Culling: every ReLU layer of stage {@code s} becomes identity. */
  public static NetworkSpec cull(NetworkSpec spec, int s) {
    return setAll(spec, stageAddresses(spec, s), ReluMode.IDENTITY);
  }

  /** Culls the stem ReLU (CIFAR and ImageNet stems; a wide stem has none). */
  public static NetworkSpec cullStem(NetworkSpec spec) {
    if (!spec.hasRelu(ReluAddress.STEM)) {
      throw new SpecException(spec.name() + " has no stem ReLU (its stem is " + spec.stem().type().key() + ")");
    }
    return setAll(spec, List.of(ReluAddress.STEM), ReluMode.IDENTITY);
  }

  /** Thinning: the positions of every block of stage {@code s} that thinning removes (see the class comment). */
  public static NetworkSpec thin(NetworkSpec spec, int s) {
    checkStage(spec, s);
    List<ReluAddress> drop = new ArrayList<>();
    int dropped = thinnedPosition(spec.block());
    for (int b = 1; b <= spec.stages().get(s - 1).phi(); b++) {
      drop.add(ReluAddress.of(s, b, dropped));
    }
    return setAll(spec, drop, ReluMode.IDENTITY);
  }

  /** The ReLU position of each block that thinning drops: r1 for Basic, r2 for Bottleneck and wide. */
  public static int thinnedPosition(BlockType block) {
    return block == BlockType.BASIC ? 1 : 2;
  }

  /** ReLU-reuse with group size {@code r} on the given layers (section 6.3: C/r comparisons, C multiplexers). */
  public static NetworkSpec reuse(NetworkSpec spec, Collection<ReluAddress> layers, int r) {
    return setAll(spec, layers, new ReluMode.Reuse(r));
  }

  /** ReLU-reuse with group size {@code r} on every ReLU layer of stage {@code s} that is not identity. */
  public static NetworkSpec reuseStage(NetworkSpec spec, int s, int r) {
    return reuse(spec, liveAddresses(spec, s), r);
  }

  /** Partial ReLUs: the given layers keep the first {@code round(fraction * C)} channels' ReLUs. */
  public static NetworkSpec partial(NetworkSpec spec, Collection<ReluAddress> layers, double fraction) {
    return setAll(spec, layers, fraction == 1.0 ? ReluMode.FULL : new ReluMode.PartialFraction(fraction));
  }

  /** Partial ReLUs on every ReLU layer of stage {@code s} that is not identity. */
  public static NetworkSpec partialStage(NetworkSpec spec, int s, double fraction) {
    return partial(spec, liveAddresses(spec, s), fraction);
  }

  /**
   * Structured pruning: removes the last {@code count} blocks of stage {@code s} (at least one block
   * stays); the ReLU modes of the removed blocks go with them.
   */
  public static NetworkSpec dropBlocks(NetworkSpec spec, int s, int count) {
    checkStage(spec, s);
    int phi = spec.stages().get(s - 1).phi();
    if (count < 1 || count >= phi) {
      throw new SpecException("stage S" + s + " has " + phi + " blocks: drop between 1 and " + (phi - 1)
          + " of them, was " + count);
    }
    List<StageSpec> stages = new ArrayList<>(spec.stages());
    stages.set(s - 1, new StageSpec(phi - count, stages.get(s - 1).width()));
    TreeMap<ReluAddress, ReluMode> modes = new TreeMap<>(spec.relu());
    modes.keySet().removeIf(a -> !a.isStem() && !a.isHead() && a.stage() == s && a.block() > phi - count);
    return new NetworkSpec(spec.name(), spec.input(), spec.stem(), spec.block(), stages, modes);
  }

  /**
   * Structured pruning: stage {@code s}'s width becomes {@code round(width * keep)} (at least 1),
   * {@code keep} in (0, 1]. Channel masks and reuse groups of that stage must still fit the new width.
   */
  public static NetworkSpec cutWidth(NetworkSpec spec, int s, double keep) {
    checkStage(spec, s);
    if (!(keep > 0 && keep <= 1)) {
      throw new SpecException("width keep fraction must be in (0, 1], was " + keep);
    }
    List<StageSpec> stages = new ArrayList<>(spec.stages());
    StageSpec old = stages.get(s - 1);
    stages.set(s - 1, new StageSpec(old.phi(), (int) Math.max(1, Math.round(old.width() * keep))));
    return spec.withStages(stages);
  }

  /** Every ReLU address of the blocks of stage {@code s}. */
  public static List<ReluAddress> stageAddresses(NetworkSpec spec, int s) {
    checkStage(spec, s);
    List<ReluAddress> out = new ArrayList<>();
    for (int b = 1; b <= spec.stages().get(s - 1).phi(); b++) {
      for (int p = 1; p <= spec.block().reluLayers(); p++) {
        out.add(ReluAddress.of(s, b, p));
      }
    }
    return out;
  }

  /** The ReLU addresses of stage {@code s} whose mode is not identity. */
  public static List<ReluAddress> liveAddresses(NetworkSpec spec, int s) {
    return stageAddresses(spec, s).stream().filter(a -> !(spec.reluMode(a) instanceof ReluMode.Identity)).toList();
  }

  private static NetworkSpec setAll(NetworkSpec spec, Collection<ReluAddress> layers, ReluMode mode) {
    SortedMap<ReluAddress, ReluMode> changes = new TreeMap<>();
    for (ReluAddress a : layers) {
      if (!spec.hasRelu(a)) {
        throw new SpecException(spec.name() + " has no ReLU layer " + a);
      }
      changes.put(a, mode);
    }
    return spec.withReluModes(changes);
  }

  private static void checkStage(NetworkSpec spec, int s) {
    if (s < 1 || s > spec.depth()) {
      throw new SpecException("stage must be between 1 and " + spec.depth() + " for " + spec.name() + ", was " + s);
    }
  }
}
