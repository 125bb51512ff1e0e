package io.deepreshape.equalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import io.deepreshape.spec.StageSpec;
import io.deepreshape.spec.StemSpec;
import io.deepreshape.spec.StemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random small specs (any block type, depth 2-4, random phi) and random orders, the equalized
 * factors satisfy the order and an exhaustive search on the grid finds no cheaper feasible vector.
 * The brute force builds each candidate's widths itself and counts with the accounting.
 */
class EqualizationPropertyTest {

  @Property(tries = 60)
  void equalizedFactorsAreFeasibleAndFlopMinimal(@ForAll @IntRange(min = 0, max = 2) int blockIndex,
      @ForAll @IntRange(min = 2, max = 4) int depth, @ForAll @IntRange(min = 2, max = 4) int fMax,
      @ForAll @IntRange(min = 1, max = 12) int m, @ForAll long seed) {
    Random rnd = new Random(seed);
    BlockType block = BlockType.values()[blockIndex];
    int[] phi = new int[depth];
    for (int i = 0; i < depth; i++) {
      phi[i] = 1 + rnd.nextInt(3);
    }
    int size = 8 << rnd.nextInt(2);
    NetworkSpec base = spec(block, m, phi, ones(depth - 1), size);
    List<Integer> stages = new ArrayList<>();
    for (int s = 1; s <= depth; s++) {
      stages.add(s);
    }
    Collections.shuffle(stages, rnd);
    CriticalityOrder order = new CriticalityOrder(stages, "random");

    int[] brute = bruteForce(block, m, phi, size, order, fMax);
    if (brute == null) {
      assertThatThrownBy(() -> Equalization.equalize(base, order, fMax))
          .isInstanceOf(SpecException.class).hasMessageContaining("cannot order S");
      return;
    }
    EqualizationResult r = Equalization.equalize(base, order, fMax);
    assertThat(order.isSatisfiedBy(r.relusAfter())).isTrue();
    assertThat(r.macsAfter()).isEqualTo(macs(spec(block, m, phi, brute, size)));
    assertThat(r.factors()).containsExactly(brute);
  }

  private static int[] bruteForce(BlockType block, int m, int[] phi, int size, CriticalityOrder order, int fMax) {
    int n = phi.length - 1;
    int[] best = null;
    long bestMacs = Long.MAX_VALUE;
    int total = (int) Math.pow(fMax, n);
    for (int code = 0; code < total; code++) {
      int[] f = new int[n];
      int c = code;
      for (int i = n - 1; i >= 0; i--) {   // most significant digit first: codes run in lexicographic order
        f[i] = 1 + c % fMax;
        c /= fMax;
      }
      NetworkSpec s = spec(block, m, phi, f, size);
      long[] r = Accounting.stageRelus(s);
      boolean ok = true;
      for (int j = 0; j + 1 < order.depth(); j++) {
        ok &= r[order.stages().get(j) - 1] > r[order.stages().get(j + 1) - 1];
      }
      long fl = macs(s);
      if (ok && fl < bestMacs) {
        best = f;
        bestMacs = fl;
      }
    }
    return best;
  }

  private static long macs(NetworkSpec s) {
    return Accounting.of(s).macs();
  }

  private static int[] ones(int n) {
    int[] f = new int[n];
    java.util.Arrays.fill(f, 1);
    return f;
  }

  private static NetworkSpec spec(BlockType block, int m, int[] phi, int[] f, int size) {
    List<StageSpec> stages = new ArrayList<>();
    int w = m;
    for (int i = 0; i < phi.length; i++) {
      w *= i == 0 ? 1 : f[i - 1];
      stages.add(new StageSpec(phi[i], w));
    }
    StemSpec stem = block == BlockType.WIDE ? new StemSpec(StemType.WIDE, 16) : new StemSpec(StemType.CIFAR, m);
    return new NetworkSpec("p", new InputShape(3, size, size, 10), stem, block, stages);
  }
}
