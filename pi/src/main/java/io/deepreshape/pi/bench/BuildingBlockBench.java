package io.deepreshape.pi.bench;

/**
 * Prints the rates of the building blocks on this machine (one thread each): garbled AND gates per
 * second, OT extension per second and the forward NTT time at N = 4096. Usage: {@code
 * BuildingBlockBench [gc|ot|ntt ...]} (all when no argument is given).
 */
public final class BuildingBlockBench {
  private BuildingBlockBench() {}

  /** Runs the selected benchmarks. */
  public static void main(String[] args) throws Exception {
    java.util.Set<String> which = new java.util.HashSet<>(java.util.List.of(args));
    boolean all = which.isEmpty();
    if (all || which.contains("gc")) {
      GcBench.run(2048, 400);
    }
    if (all || which.contains("ot")) {
      OtBench.run(1 << 20, 5);
    }
    if (all || which.contains("ntt")) {
      NttBench.run(20_000);
    }
  }
}
