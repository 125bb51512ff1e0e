package io.deepreshape.pi.bench;

import io.deepreshape.pi.gc.GarblingScheme;

/**
 * Prints the rates of the building blocks on this machine (one thread each): garbled AND gates per
 * second, OT extension per second and the forward NTT time at N = 4096. Usage: {@code
 * BuildingBlockBench [gc|gc-three-halves|gc-half-gates|ot|ntt ...]} (all when no argument is
 * given; {@code gc} runs both garbling schemes in this JVM, one after the other, so that the second
 * runs with the JIT's calls to the AND-gate code already shared by both: for a rate comparison,
 * run each scheme in its own JVM).
 */
public final class BuildingBlockBench {
  private BuildingBlockBench() {}

  /** Runs the selected benchmarks. */
  public static void main(String[] args) throws Exception {
    java.util.Set<String> which = new java.util.HashSet<>(java.util.List.of(args));
    boolean all = which.isEmpty();
    if (all || which.contains("gc")) {
      GcBench.run(2048, 400, GarblingScheme.values());
    }
    for (GarblingScheme scheme : GarblingScheme.values()) {
      if (which.contains("gc-" + scheme.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) {
        GcBench.run(2048, 400, scheme);
      }
    }
    if (all || which.contains("ot")) {
      OtBench.run(1 << 20, 5);
    }
    if (all || which.contains("ntt")) {
      NttBench.run(20_000);
    }
  }
}
